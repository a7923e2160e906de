using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>An opened source of frames.</summary>
internal interface IFrameReader : IDisposable
{
    /// <summary>True for files and folders: they are paced and restart at their end.</summary>
    bool IsRecorded { get; }

    /// <summary>Why the source stopped delivering, when it said (ffmpeg's last error line); null otherwise.</summary>
    string? StopReason => null;

    /// <summary>Called from another thread when capture stops: makes a blocked <see cref="TryRead"/> return.</summary>
    void Interrupt()
    {
    }

    /// <summary>
    /// Reads the next frame into <paramref name="destination"/> as 8-bit BGR, reshaping it and reusing its memory;
    /// false at the end of a recording or when a live source stops delivering.
    /// </summary>
    bool TryRead(FaceImage destination);
}
