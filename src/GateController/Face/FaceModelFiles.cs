using GateController.FaceChannel;
using GateController.FaceWorker;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using GateController.Vision.Motion;
using GateController.Vision.Quality;

namespace GateController.Face;

/// <summary>
/// The verified model files and detection settings the face processes open, the quality limits, and the liveness
/// models (none when <c>Face:Liveness:Required</c> is off).
/// </summary>
internal sealed record FaceModelFiles(string DetectorPath, ModelEntry Detector, string EmbedderPath, ModelEntry Embedder, FaceDetectorOptions Detection, int IntraOpThreads)
{
    public FaceQualityOptions? Quality { get; init; }

    public IReadOnlyList<LivenessModelFile> Liveness { get; init; } = [];

    /// <summary>The configured detector and embedder, fetched and verified (the int8 embedder built on the device).</summary>
    public static async Task<FaceModelFiles> FetchAsync(ModelFetcher fetcher, ModelOptions models, FaceDetectorOptions detection, CancellationToken cancellationToken)
    {
        var catalog = ModelCatalog.LoadEmbedded();
        var detector = catalog.GetModel(models.Detector);
        var embedder = catalog.GetModel(models.Embedder);
        return new FaceModelFiles(
            await fetcher.FetchAsync(detector, cancellationToken).ConfigureAwait(false),
            detector,
            await fetcher.FetchAsync(embedder, cancellationToken).ConfigureAwait(false),
            embedder,
            detection,
            models.IntraOpThreads);
    }

    public FaceProcessSettings SettingsFor(CameraOptions? camera, FaceWorkerOptions worker, MotionOptions? motion = null) => new()
    {
        DetectorPath = DetectorPath,
        Detector = Detector.File,
        EmbedderPath = EmbedderPath,
        Embedder = Embedder.File,
        IntraOpThreads = IntraOpThreads,
        Detection = Detection,
        Quality = Quality,
        QualityRefusesEmbedding = camera is not null,
        Liveness = Liveness.Count > 0 ? Liveness : null,
        Camera = camera,
        Motion = motion ?? new MotionOptions(),
        FrameHangLimit = worker.HeartbeatTimeout,
        MaximumImagePixels = worker.MaximumImagePixels,
        NativeLibraryDirectory = string.IsNullOrWhiteSpace(worker.NativeLibraryDirectory) ? null : worker.NativeLibraryDirectory,
    };
}
