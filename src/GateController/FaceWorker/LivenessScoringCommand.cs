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

        NativeLibraryLocation.Use(settings.NativeLibraryDirectory);
        var catalog = ModelCatalog.LoadEmbedded();
        using var detector = new YuNetFaceDetector(settings.DetectorPath, catalog.GetModel(settings.Detector), settings.Detection, settings.IntraOpThreads);
        using var scorer = LivenessScorer.Open([.. settings.Liveness.Select(m => (m.Path, catalog.GetModel(m.File)))], settings.IntraOpThreads);
        var limit = new ImageSizeLimit(settings.MaximumImagePixels, FaceImageLimits.Setting);
        var faces = new List<DetectedFace>();
        while (reader.ReadLine() is { } path)
        {
            writer.WriteLine(Score(path, detector, scorer, limit, faces).ToLine());
        }

        return FaceProcessExitCodes.Stopped;
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
