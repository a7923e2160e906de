using GateController.Vision;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Vision;

public sealed class VisionServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddVision(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Test]
    public void AddVision_binds_options_and_sizes_the_index_for_the_configured_embedder()
    {
        using var provider = Build(new() { ["Vision:Detector:DetectionMaxSide"] = "320", ["Vision:Models:IntraOpThreads"] = "2" });

        Assert.That(provider.GetRequiredService<IOptions<FaceDetectorOptions>>().Value.DetectionMaxSide, Is.EqualTo(320));
        Assert.That(provider.GetRequiredService<IOptions<ModelOptions>>().Value.IntraOpThreads, Is.EqualTo(2));
        Assert.That(provider.GetRequiredService<TemplateIndex>().Dimension, Is.EqualTo(128));
    }

    [Test]
    public void AddVision_refuses_a_bad_value_naming_the_key()
    {
        using var provider = Build(new() { ["Vision:Detector:ScoreThreshold"] = "2" });

        Assert.That(() => provider.GetRequiredService<IOptions<FaceDetectorOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains(nameof(FaceDetectorOptions.ScoreThreshold)));
    }
}
