using GateController.Vision.Models;
using GateController.Vision.Quantization;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace GateController.Tests.Vision.Quantization;

public sealed class QdqQuantizerTests
{
    private static ModelEntry Derived => ModelCacheSetup.Catalog.GetModel(ModelOptions.Int8Embedder);

    private static ModelEntry Source => ModelCacheSetup.Catalog.GetModel(ModelOptions.Fp32Embedder);

    private static byte[] SourceBytes => File.ReadAllBytes(ModelCacheSetup.PathOf(ModelOptions.Fp32Embedder));

    private static ActivationCalibration Calibration => ActivationCalibration.LoadEmbedded(Derived.Derivation!.Calibration);

    [Test]
    public void The_committed_calibration_belongs_to_the_verified_fp32_embedder()
    {
        Assert.That(Calibration.Model, Is.EqualTo(Source.File));
        Assert.That(Calibration.ModelSha256, Is.EqualTo(Source.Sha256));
        Assert.That(Calibration.Activations.All(a => a.Min <= a.Max && float.IsFinite(a.Min) && float.IsFinite(a.Max)), Is.True);
    }

    [Test]
    public void Onnx_runtime_fuses_every_quantized_convolution_into_an_integer_kernel()
    {
        var optimized = Path.Combine(Path.GetTempPath(), $"gate-int8-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized })
            using (new InferenceSession(ModelCacheSetup.PathOf(Derived.File), options))
            {
            }

            var ops = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
            var sourceConvolutions = ModelProto.Parser.ParseFrom(SourceBytes).Graph.Node.Count(n => n.OpType == "Conv");

            // All but the last convolution, whose float output is the embedding itself.
            Assert.That(ops.GetValueOrDefault("QLinearConv"), Is.EqualTo(sourceConvolutions - 1), string.Join(", ", ops));
            Assert.That(ops.GetValueOrDefault("Conv"), Is.EqualTo(1), string.Join(", ", ops));
            Assert.That(ops.GetValueOrDefault("QLinearAdd"), Is.GreaterThan(0), "the residual additions stay in int8");
        }
        finally
        {
            File.Delete(optimized);
        }
    }

    [Test]
    public void Quantizing_with_the_ranges_of_another_model_is_refused_with_the_reason()
    {
        var foreign = Calibration with { ModelSha256 = new string('a', 64) };

        var error = Assert.Throws<QuantizationException>(() =>
            QdqQuantizer.Quantize(SourceBytes, foreign with { Activations = foreign.Activations.Skip(2).ToList() }, 7))!;

        Assert.That(error.Message, Does.Contain("does not fit this model"));
        Assert.That(error.Message, Does.Contain("2 activation(s) without a range"));
    }

    [Test]
    public void A_calibration_range_that_is_all_zero_is_refused_naming_the_tensor()
    {
        var broken = Calibration with
        {
            Activations = [.. Calibration.Activations.Select((a, i) => i == 5 ? a with { Min = 0, Max = 0 } : a)],
        };

        var error = Assert.Throws<QuantizationException>(() => QdqQuantizer.Quantize(SourceBytes, broken, 7))!;

        Assert.That(error.Message, Does.Contain(Calibration.Activations[5].Tensor));
        Assert.That(error.Message, Does.Contain("unusable calibrated range"));
    }

    [TestCase(0f, 6f, 6f / 255f, 0)]
    [TestCase(-1f, 3f, 4f / 255f, 64)]
    [TestCase(0.5f, 3f, 3f / 255f, 0)]
    [TestCase(-3f, -1f, 3f / 255f, 255)]
    public void Activation_ranges_always_hold_an_exact_zero(float min, float max, float scale, int zeroPoint)
    {
        var (actualScale, actualZero) = QdqQuantizer.ActivationScale(new ActivationRange("t", min, max));

        Assert.That(actualScale, Is.EqualTo(scale).Within(1e-7f));
        Assert.That((int)actualZero, Is.EqualTo(zeroPoint));
    }

    [Test]
    public void Calibrating_records_the_exact_range_of_the_input_and_of_every_quantized_activation()
    {
        var random = new Random(11);
        var inputs = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 3 * 112 * 112).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray()).ToList();

        var calibration = ActivationCalibrator.Calibrate(SourceBytes, Source.File, Source.Sha256, inputs, [1, 3, 112, 112], "noise");

        var input = calibration.Activations.Single(a => a.Tensor == Source.Input.Name);
        Assert.That(input.Min, Is.EqualTo(inputs.Min(i => i.Min())));
        Assert.That(input.Max, Is.EqualTo(inputs.Max(i => i.Max())));
        Assert.That(calibration.Activations.Select(a => a.Tensor), Is.EqualTo(Calibration.Activations.Select(a => a.Tensor)), "the same tensors as the committed file");
        Assert.That(calibration.SampleCount, Is.EqualTo(3));
        Assert.That(calibration.Activations.Where(a => a.Tensor.EndsWith("Clip_output_0", StringComparison.Ordinal)).All(a => a.Min >= 0 && a.Max <= 6), Is.True, "ReLU6 outputs");
    }

    [Test]
    public void The_same_model_and_ranges_always_give_the_same_bytes()
    {
        var first = QdqQuantizer.Quantize(SourceBytes, Calibration, 7);
        var second = QdqQuantizer.Quantize(SourceBytes, Calibration, 7);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)), Is.EqualTo(Derived.Sha256));
    }
}
