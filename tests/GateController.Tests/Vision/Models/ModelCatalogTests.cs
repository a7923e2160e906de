using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using GateController.Vision.Models;

namespace GateController.Tests.Vision.Models;

public sealed partial class ModelCatalogTests
{
    [GeneratedRegex("^https://github.com/[^/]+/[^/]+/raw/[0-9a-f]{40}/.+$")]
    private static partial Regex PinnedUrl();

    [Test]
    public void The_int8_embedder_is_the_default_on_x64_only_and_both_defaults_are_in_the_manifest()
    {
        Assert.That(ModelOptions.DefaultEmbedderFor(Architecture.X64), Is.EqualTo(ModelOptions.Int8Embedder));
        Assert.That(ModelOptions.DefaultEmbedderFor(Architecture.Arm64), Is.EqualTo(ModelOptions.Fp32Embedder));
        Assert.That(new ModelOptions().Embedder, Is.EqualTo(ModelOptions.DefaultEmbedderFor(RuntimeInformation.ProcessArchitecture)));
        Assert.That(ModelCacheSetup.Catalog.GetModel(ModelOptions.Fp32Embedder).Role, Is.EqualTo(ModelCacheSetup.Catalog.GetModel(ModelOptions.Int8Embedder).Role));
    }

    [Test]
    public void Embedded_manifest_lists_seven_fetched_models_and_one_built_from_them_with_checksum_pinned_url_and_licence()
    {
        var models = ModelCacheSetup.Catalog.Models;

        Assert.That(models.Where(m => m.Derivation is null).ToList(), Has.Count.EqualTo(7), "the verified files of ../shared/models");
        Assert.That(models.Where(m => m.Derivation is not null).Select(m => m.File), Is.EqualTo(new[] { ModelOptions.Int8Embedder }));
        Assert.That(models.Select(m => m.File), Is.Unique);
        foreach (var model in models)
        {
            Assert.That(model.Sha256, Does.Match("^[0-9a-f]{64}$"), model.File);
            Assert.That(PinnedUrl().IsMatch(model.Url.AbsoluteUri), Is.True, model.Url.AbsoluteUri);
            Assert.That(model.Licence, Is.Not.Empty, model.File);
            Assert.That(model.Input.Layout, Is.EqualTo("NCHW"), model.File);
            Assert.That(model.Input.Mean, Has.Count.EqualTo(3), model.File);
            Assert.That(model.Input.Std, Has.Count.EqualTo(3), model.File);
        }
    }

    [Test]
    public void Default_detector_takes_any_multiple_of_32_in_raw_BGR()
    {
        var input = ModelCacheSetup.Catalog.GetModel(ModelOptions.DefaultDetector).Input;

        Assert.That(input.IsDynamicSize, Is.True);
        Assert.That(input.SizeMultipleOf, Is.EqualTo(32));
        Assert.That(input.ChannelOrder, Is.EqualTo(ChannelOrder.Bgr));
        Assert.That(input.ChannelAffine(0), Is.EqualTo((1f, 0f)));
    }

    [Test]
    public void Default_embedder_takes_112_px_RGB_with_ImageNet_mean_and_std()
    {
        var model = ModelCacheSetup.Catalog.GetModel(ModelOptions.Int8Embedder);
        var (alpha, beta) = model.Input.ChannelAffine(0);

        Assert.That((model.Input.Width, model.Input.Height, model.EmbeddingDimension), Is.EqualTo((112, 112, 128)));
        Assert.That(model.Input.ChannelOrder, Is.EqualTo(ChannelOrder.Rgb));
        Assert.That((255 * alpha) + beta, Is.EqualTo((1 - 0.485f) / 0.229f).Within(1e-5));
    }

    [Test]
    public void The_int8_embedder_is_built_from_the_fp32_one_and_shares_its_source_and_input_contract()
    {
        var derived = ModelCacheSetup.Catalog.GetModel(ModelOptions.Int8Embedder);
        var source = ModelCacheSetup.Catalog.GetModel(derived.Derivation!.From);

        Assert.That(source.File, Is.EqualTo(ModelOptions.Fp32Embedder));
        Assert.That(source.Derivation, Is.Null);
        Assert.That(derived.Url, Is.EqualTo(source.Url), "the bytes come from the fp32 model's pinned URL");
        Assert.That(derived.Input, Is.EqualTo(source.Input with { Mean = derived.Input.Mean, Std = derived.Input.Std }));
        Assert.That(derived.Input.Mean, Is.EqualTo(source.Input.Mean));
        Assert.That(derived.Input.Std, Is.EqualTo(source.Input.Std));
        Assert.That((derived.Outputs, derived.EmbeddingDimension), Is.EqualTo((source.Outputs, source.EmbeddingDimension)));
        Assert.That(derived.Derivation.WeightBits, Is.EqualTo(7));
    }

    [Test]
    public void Media_manifest_pins_the_sample_video()
    {
        var video = ModelCacheSetup.Catalog.GetMedia("people_walking_to_camera.mp4");

        Assert.That(video.Bytes, Is.EqualTo(2411585));
        Assert.That(PinnedUrl().IsMatch(video.Url.AbsoluteUri), Is.True);
        Assert.That(File.Exists(ModelCacheSetup.PathOf(video.File)), Is.True);
    }

    [Test]
    public void Unknown_model_name_lists_the_known_ones()
    {
        Assert.That(() => ModelCacheSetup.Catalog.GetModel("nope.onnx"),
            Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("mobilefacenet_foamliu.onnx"));
    }
}
