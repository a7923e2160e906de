using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Liveness;
using GateController.Vision.Models;

namespace GateController.Tests.Vision.Liveness;

/// <summary>
/// The two MiniFASNets on upstream's labelled samples with YuNet boxes. MODELS.md measured the fused P(real) with the
/// same models and boxes in Python: 1.000 (T1, real), 0.229 (F1, attack), 0.002 (F2, attack).
/// </summary>
public sealed class LivenessScorerTests
{
    private const float Tolerance = 0.03f;

    private static float ScoreOf(string path, LivenessScorer scorer)
    {
        using var image = FaceImage.Load(path);
        var face = SharedVision.Detector.Detect(image).MaxBy(f => f.Area);
        Assert.That(face.Width, Is.GreaterThan(0), $"no face in {path}");
        return scorer.Score(image, face);
    }

    [TestCase("image_T1.jpg", 1.000f, true)]
    [TestCase("image_F1.jpg", 0.229f, false)]
    [TestCase("image_F2.jpg", 0.002f, false)]
    public void Score_puts_each_sample_on_its_side_of_the_threshold_near_the_reference(string sample, float reference, bool real)
    {
        var score = ScoreOf(Path.Combine(LivenessSamples.Root, sample), SharedVision.Liveness);

        Assert.That(score, real ? Is.GreaterThanOrEqualTo(LivenessScorer.DefaultThreshold) : Is.LessThan(LivenessScorer.DefaultThreshold));
        Assert.That(score, Is.EqualTo(reference).Within(Tolerance), $"P(real) of {sample}");
    }

    [Test]
    public void Score_with_RGB_input_takes_an_attack_for_a_real_face()
    {
        // MODELS.md: fed RGB, both attacks pass as real (0.90 / 1.00). The manifest's BGR is what keeps them out.
        var models = LivenessScorer.ModelsIn(ModelCacheSetup.Catalog)
            .Select(m => (ModelCacheSetup.PathOf(m.File), m with { Input = m.Input with { ChannelOrder = ChannelOrder.Rgb } }))
            .ToArray();
        using var rgb = LivenessScorer.Open(models);

        Assert.That(ScoreOf(LivenessSamples.PrintAttack, rgb), Is.GreaterThanOrEqualTo(LivenessScorer.DefaultThreshold));
    }

    [Test]
    public void Score_allocates_nothing_once_warm_even_as_the_crop_size_changes()
    {
        using var image = FaceImage.Load(LivenessSamples.Real);
        var face = SharedVision.Detector.Detect(image).MaxBy(f => f.Area);
        var smaller = face with { X = face.X + 10, Y = face.Y + 10, Width = face.Width * 0.7f, Height = face.Height * 0.7f };
        SharedVision.Liveness.Score(image, face);
        SharedVision.Liveness.Score(image, smaller);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            SharedVision.Liveness.Score(image, i % 2 == 0 ? face : smaller);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void ModelsIn_finds_both_MiniFASNets_of_the_manifest_with_their_crop_scales()
    {
        var models = LivenessScorer.ModelsIn(ModelCacheSetup.Catalog);

        Assert.That(models.Select(m => (m.File, m.CropScale)), Is.EquivalentTo(new[]
        {
            ("minifasnet_v2_80x80_scale2.7.onnx", (float?)2.7f),
            ("minifasnet_v1se_80x80_scale4.0.onnx", (float?)4.0f),
        }));
    }
}
