using System.Text.Json;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Models;

namespace GateController.FaceWorker;

/// <summary>
/// <c>gate-controller face-liveness-scores</c>: for <c>gatectl eval --pad</c>, decodes each photo it is named, finds
/// the largest face and answers its liveness score, confined as the face processes are (no file writes, no network,
/// no core dumps) before it opens a model or a photo. Reads photos, answers scores; keeps and writes nothing.
/// </summary>
internal static class LivenessScoringCommand
{
    public const string Name = "face-liveness-scores";

    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        var (input, output) = ChannelStreams.TakeOver();
        ProcessSandbox.Apply();
        LandlockConfinement.Apply(cameraPort: null);
        using var reader = new StreamReader(input);
        using var writer = new StreamWriter(output) { AutoFlush = true };
        LivenessScoringSettings settings;
        try
        {
            settings = LivenessScoringSettings.Parse(reader.ReadLine() ?? "");
        }
        catch (JsonException exception)
        {
            Console.Error.WriteLine($"{Name}: bad settings line: {exception.Message}");
            return FaceProcessExitCodes.ProtocolViolation;
        }

        if (Open(settings) is not { } models)
        {
            return FaceProcessExitCodes.CannotWork;
        }

        using var ownedDetector = models.Item1;
        using var ownedScorer = models.Item2;
        var limit = new ImageSizeLimit(settings.MaximumImagePixels, FaceImageLimits.Setting);
        var faces = new List<DetectedFace>();
        while (reader.ReadLine() is { } path)
        {
            writer.WriteLine(Score(path, ownedDetector, ownedScorer, limit, faces).ToLine());
        }

        return FaceProcessExitCodes.Stopped;
    }

    /// <summary>Opens the models, or says on stderr (one line, which gatectl shows) why they cannot be.</summary>
    private static (YuNetFaceDetector, LivenessScorer)? Open(LivenessScoringSettings settings)
    {
        YuNetFaceDetector? detector = null;
        try
        {
            NativeLibraryLocation.Use(settings.NativeLibraryDirectory);
            var catalog = ModelCatalog.LoadEmbedded();
            detector = new YuNetFaceDetector(settings.DetectorPath, catalog.GetModel(settings.Detector), settings.Detection, settings.IntraOpThreads);
            return (detector, LivenessScorer.Open([.. settings.Liveness.Select(m => (m.Path, catalog.GetModel(m.File)))], settings.IntraOpThreads));
        }
        catch (Exception exception) when (NativeLibraryLocation.DescribeLoadFailure(exception) is { } library)
        {
            Console.Error.WriteLine($"{Name}: a native library of the face path cannot be loaded: {library}");
        }
        catch (Exception exception) when (exception is ModelFileException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{Name}: the models cannot be opened: {exception.Message}");
        }

        detector?.Dispose();
        return null;
    }

    private static LivenessScoreLine Score(string path, YuNetFaceDetector detector, LivenessScorer scorer, ImageSizeLimit limit, List<DetectedFace> faces)
    {
        try
        {
            using var image = FaceImage.Load(path, limit);
            detector.Detect(image, faces);
            if (faces.Count == 0)
            {
                return new LivenessScoreLine(0, null, null);
            }

            var largest = faces.MaxBy(f => f.Area);
            return new LivenessScoreLine(faces.Count, scorer.Score(image, largest), null);
        }
        catch (Exception exception) when (exception is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            return new LivenessScoreLine(0, null, exception.Message);
        }
    }
}
