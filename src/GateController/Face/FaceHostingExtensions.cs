using GateController.Core.Health;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using Microsoft.Extensions.Options;

namespace GateController.Face;

internal static class FaceHostingExtensions
{
    public static IServiceCollection AddFacePath(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<FacePathOptions, FacePathOptionsValidator>().BindConfiguration(FacePathOptions.Section);
        services.AddOptionsWithValidateOnStart<ModelOptions, ModelOptionsValidator>().BindConfiguration(ModelOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceDetectorOptions, FaceDetectorOptionsValidator>().BindConfiguration(FaceDetectorOptions.Section);
        // The camera source may be empty (simulation picks the sample video), so it is validated once resolved.
        services.AddOptions<CameraOptions>().BindConfiguration(CameraOptions.Section);
        services.AddHttpClient();
        services.AddSingleton(sp => new ModelFetcher(
            sp.GetRequiredService<IOptions<ModelOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ModelFetcher)),
            sp.GetRequiredService<ILogger<ModelFetcher>>()));
        services.AddSingleton<FacePath>();
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<FacePath>());
        services.AddSingleton<CameraSourceResolver>();
        services.AddSingleton<FaceRecognitionLoop>();
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<FaceRecognitionLoop>());
        services.AddHostedService(sp => sp.GetRequiredService<FaceRecognitionLoop>());
        return services;
    }
}
