using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Vision;

public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the vision options (validated at start), the model catalog and fetcher, the template index
    /// and the camera options. The face analyser is opened by the host with <c>FaceAnalyzer.CreateAsync</c>, because
    /// fetching models is asynchronous and may download; the camera itself is opened in the face worker process,
    /// with the host's pixel limit.
    /// </summary>
    public static IServiceCollection AddVision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<ModelOptions, ModelOptionsValidator>().Bind(configuration.GetSection(ModelOptions.Section));
        services.AddOptionsWithValidateOnStart<FaceDetectorOptions, FaceDetectorOptionsValidator>().Bind(configuration.GetSection(FaceDetectorOptions.Section));
        services.AddOptionsWithValidateOnStart<CameraOptions, CameraOptionsValidator>().Bind(configuration.GetSection(CameraOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ModelCatalog.LoadEmbedded());
        services.TryAddSingleton(provider => new ModelFetcher(
            provider.GetRequiredService<IOptions<ModelOptions>>().Value,
            new HttpClient { Timeout = TimeSpan.FromMinutes(5) },
            provider.GetService<ILogger<ModelFetcher>>()));
        services.TryAddSingleton(provider =>
        {
            var models = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
            var embedder = provider.GetRequiredService<ModelCatalog>().GetModel(models.Embedder);
            return new TemplateIndex(embedder.EmbeddingDimension
                ?? throw new InvalidOperationException($"{embedder.File} has no embeddingDimension in models/manifest.json."));
        });
        return services;
    }
}
