using GateController.Core.Access;
using GateController.Vision.Detection;
using GateController.Vision.Embedding;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Models;

namespace GateController.Tests.Vision;

/// <summary>ONNX Runtime sessions are expensive: one detector and one embedder serve every test.</summary>
internal static class SharedVision
{
    private static readonly Lazy<YuNetFaceDetector> LazyDetector = new(() =>
        new YuNetFaceDetector(ModelCacheSetup.PathOf(ModelOptions.DefaultDetector), ModelCacheSetup.Catalog.GetModel(ModelOptions.DefaultDetector), new FaceDetectorOptions()));

    private static readonly Lazy<OnnxFaceEmbedder> LazyEmbedder = new(() =>
        new OnnxFaceEmbedder(ModelCacheSetup.PathOf(ModelOptions.DefaultEmbedder), ModelCacheSetup.Catalog.GetModel(ModelOptions.DefaultEmbedder)));

    private static readonly Lazy<LivenessScorer> LazyLiveness = new(() => LivenessScorer.Open(
        [.. LivenessScorer.ModelsIn(ModelCacheSetup.Catalog).Select(m => (ModelCacheSetup.PathOf(m.File), m))]));

    private static readonly Dictionary<string, float[]> Embeddings = new(StringComparer.Ordinal);

    public static YuNetFaceDetector Detector => LazyDetector.Value;

    public static OnnxFaceEmbedder Embedder => LazyEmbedder.Value;

    public static LivenessScorer Liveness => LazyLiveness.Value;

    public static float Threshold => FaceDecisionOptions.DefaultMatchThreshold;

    /// <summary>The largest face's embedding of a photo, computed once per test run.</summary>
    public static float[] EmbeddingOf(string path)
    {
        lock (Embeddings)
        {
            if (!Embeddings.TryGetValue(path, out var embedding))
            {
                using var image = FaceImage.Load(path);
                var faces = Detector.Detect(image);
                Assert.That(faces, Is.Not.Empty, $"no face in {path}");
                var face = faces.MaxBy(f => f.Area);
                using var aligned = GateController.Vision.Alignment.FaceAligner.Align(image, face.Landmarks);
                embedding = new float[Embedder.Dimension];
                Embedder.Embed(aligned, embedding);
                Embeddings[path] = embedding;
            }

            return embedding;
        }
    }

    public static void DisposeAll()
    {
        if (LazyDetector.IsValueCreated)
        {
            LazyDetector.Value.Dispose();
        }

        if (LazyEmbedder.IsValueCreated)
        {
            LazyEmbedder.Value.Dispose();
        }

        if (LazyLiveness.IsValueCreated)
        {
            LazyLiveness.Value.Dispose();
        }
    }
}
