using GateController.FaceChannel;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Models;

namespace GateController.Face;

/// <summary>The verified model files and detection settings the face processes open.</summary>
internal sealed record FaceModelFiles(string DetectorPath, ModelEntry Detector, string EmbedderPath, ModelEntry Embedder, FaceDetectorOptions Detection, int IntraOpThreads)
{
    public FaceProcessSettings SettingsFor(CameraOptions? camera, FaceWorkerOptions worker) => new()
    {
        DetectorPath = DetectorPath,
        Detector = Detector.File,
        EmbedderPath = EmbedderPath,
        Embedder = Embedder.File,
        IntraOpThreads = IntraOpThreads,
        Detection = Detection,
        Camera = camera,
        FrameHangLimit = worker.HeartbeatTimeout,
        MaximumImagePixels = worker.MaximumImagePixels,
        NativeLibraryDirectory = string.IsNullOrWhiteSpace(worker.NativeLibraryDirectory) ? null : worker.NativeLibraryDirectory,
    };
}
