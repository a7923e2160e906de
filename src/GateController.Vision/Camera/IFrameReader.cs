using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>An opened source of frames. The only place OpenCV capture types live.</summary>
internal interface IFrameReader : IDisposable
{
    /// <summary>True for files and folders: they are paced and restart at their end.</summary>
    bool IsRecorded { get; }

    /// <summary>The next frame, or null at the end of a recording or when a live source stops delivering.</summary>
    FaceImage? Read();
}
