namespace GateController.Vision.Camera;

/// <summary>An opened source of frames. The only place OpenCV capture types live.</summary>
internal interface IFrameReader : IDisposable
{
    /// <summary>True for files and folders: they are paced and restart at their end.</summary>
    bool IsRecorded { get; }

    /// <summary>
    /// Reads the next frame into <paramref name="destination"/> as 8-bit BGR, reusing its memory; false at the
    /// end of a recording or when a live source stops delivering.
    /// </summary>
    bool TryRead(FrameBuffer destination);
}
