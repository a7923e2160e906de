using GateController.FaceChannel;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>
/// Opens the models the daemon fetched and verified, so that a native library that will not load (the defect
/// this process exists to contain) is reported as such and ends only this process.
/// </summary>
internal static class FaceModelsOpener
{
    public static FaceAnalyzer? TryOpen(FaceProcessSettings settings, out WorkerFailure? failure)
    {
        failure = null;
        try
        {
            NativeLibraryLocation.Use(settings.NativeLibraryDirectory);
            var catalog = ModelCatalog.LoadEmbedded();
            var detector = catalog.GetModel(settings.Detector);
            var embedder = catalog.GetModel(settings.Embedder);
            var dimension = embedder.EmbeddingDimension ?? throw new InvalidOperationException($"the manifest gives no embedding dimension for {embedder.File}");
            var liveness = settings.Liveness?.Select(m => (m.Path, catalog.GetModel(m.File))).ToArray();
            return FaceAnalyzer.Open(
                settings.DetectorPath, detector, settings.EmbedderPath, embedder, settings.Detection, new TemplateIndex(dimension), settings.IntraOpThreads,
                quality: settings.Quality, liveness: liveness, qualityRefuses: settings.QualityRefusesEmbedding);
        }
        catch (Exception exception) when (NativeLibraryLocation.DescribeLoadFailure(exception) is { } library)
        {
            failure = new WorkerFailure(WorkerFailureKind.NativeLibrary, $"a native library of the face path cannot be loaded: {library}");
        }
        catch (Exception exception) when (exception is ModelFileException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            failure = new WorkerFailure(WorkerFailureKind.Models, $"the face models cannot be opened: {exception.Message}");
        }

        return null;
    }
}
