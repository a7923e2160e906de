using GateController.Tests.Vision.Liveness;
using GateController.Tests.Vision.Quality;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Matching;
using GateController.Vision.Pipeline;
using GateController.Vision.Quality;

namespace GateController.Tests.Vision.Pipeline;

/// <summary>The per-frame path with the quality gate and liveness: quality → liveness → embed, on real photos.</summary>
public sealed class FaceAnalyzerGateTests
{
    private FaceAnalyzer _analyzer = null!;
    private float[] _embedding = null!;

    [OneTimeSetUp]
    public void Open()
    {
        _analyzer = new FaceAnalyzer(SharedVision.Detector, SharedVision.Embedder, new TemplateIndex(SharedVision.Embedder.Dimension),
            quality: new FaceQualityGate(new FaceQualityOptions()), liveness: SharedVision.Liveness);
        _embedding = new float[_analyzer.EmbeddingDimension];
    }

    [OneTimeTearDown]
    public void Close() => _analyzer.Dispose();

    private DecidingFace Analyze(FaceImage image)
    {
        Assert.That(_analyzer.TryAnalyzeDecidingFace(image, _embedding, out var deciding), Is.True, "a face");
        return deciding;
    }

    [Test]
    public void A_real_face_is_scored_live_and_embedded_and_an_attack_is_scored_below_the_threshold()
    {
        using var real = FaceImage.Load(LivenessSamples.Real);
        using var attack = FaceImage.Load(LivenessSamples.PrintAttack);

        var live = Analyze(real);
        var spoof = Analyze(attack);

        Assert.That((live.Quality, live.HasEmbedding, live.LivenessScore >= LivenessScorer.DefaultThreshold), Is.EqualTo((FaceQuality.Good, true, true)));
        Assert.That((spoof.HasEmbedding, spoof.LivenessScore < LivenessScorer.DefaultThreshold), Is.EqualTo((true, true)), "scored, and left to the daemon to refuse");
    }

    [Test]
    public void A_face_refused_for_quality_is_neither_scored_nor_embedded()
    {
        using var photo = FaceImage.Load(FaceData.PathOf("deepface_01/08.jpg"));
        using var tiny = DegradedFaces.Shrunk(photo, SharedVision.Detector.Detect(photo).MaxBy(f => f.Area), 24);

        var deciding = Analyze(tiny);

        Assert.That((deciding.Quality, deciding.HasEmbedding, float.IsNaN(deciding.LivenessScore)), Is.EqualTo((FaceQuality.TooSmall, false, true)));
        Assert.That(_analyzer.Analyze(tiny).Deciding, Is.EqualTo(new AnalyzedFace(deciding.Face, null, FaceQuality.TooSmall)));
    }

    [Test]
    public void The_gated_frame_path_allocates_nothing_once_warm()
    {
        // Upstream's three samples share one size (640x480), as a camera's frames do.
        FaceImage[] frames = [FaceImage.Load(LivenessSamples.Real), FaceImage.Load(LivenessSamples.PrintAttack), FaceImage.Load(LivenessSamples.SecondAttack)];
        try
        {
            foreach (var frame in frames)
            {
                Analyze(frame);
                Analyze(frame);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 5; i++)
            {
                foreach (var frame in frames)
                {
                    _analyzer.TryAnalyzeDecidingFace(frame, _embedding, out _);
                }
            }

            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
        finally
        {
            Array.ForEach(frames, f => f.Dispose());
        }
    }
}
