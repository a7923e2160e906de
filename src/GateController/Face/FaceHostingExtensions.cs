using GateController.Core.FaceTracking;
using GateController.Core.Health;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using GateController.Vision.Motion;
using GateController.Vision.Quality;
using Microsoft.Extensions.Options;

namespace GateController.Face;

internal static class FaceHostingExtensions
{
    public static IServiceCollection AddFacePath(this IServiceCollection services)
    {
        // Only a switch: the schema check at start refuses a value that is not true or false.
        services.AddOptions<FacePathOptions>().BindConfiguration(FacePathOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceWorkerOptions, FaceWorkerOptionsValidator>().BindConfiguration(FaceWorkerOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceTrackingOptions, FaceTrackingOptionsValidator>().BindConfiguration(FaceTrackingOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceLivenessOptions, FaceLivenessOptionsValidator>().BindConfiguration(FaceLivenessOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceQualityOptions, FaceQualityOptionsValidator>().BindConfiguration(FaceQualityOptions.Section);
        services.AddOptionsWithValidateOnStart<ModelOptions, ModelOptionsValidator>().BindConfiguration(ModelOptions.Section);
        services.AddOptionsWithValidateOnStart<FaceDetectorOptions, FaceDetectorOptionsValidator>().BindConfiguration(FaceDetectorOptions.Section);
        services.AddOptionsWithValidateOnStart<MotionOptions, MotionOptionsValidator>().BindConfiguration(MotionOptions.Section);
        // The camera source may be empty (simulation picks the sample video), so it is validated once resolved.
        services.AddOptions<CameraOptions>().BindConfiguration(CameraOptions.Section);
        services.AddHttpClient();
        services.AddSingleton(sp => new ModelFetcher(
            sp.GetRequiredService<IOptions<ModelOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ModelFetcher)),
            sp.GetRequiredService<ILogger<ModelFetcher>>()));
        services.AddSingleton<FaceRefusals>();
        services.AddSingleton<FacePath>();
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<FacePath>());
        services.AddSingleton<CameraSourceResolver>();
        services.AddSingleton<FaceProcessLauncher>();
        services.AddSingleton<IFaceAnalysisModels>(sp => sp.GetRequiredService<FacePath>());
        services.AddSingleton<FaceAnalysisClient>();
        services.AddSingleton(sp => new FaceObservationHandler(
            sp.GetRequiredService<FacePath>().Index,
            sp.GetRequiredService<Core.Access.AccessDecisionEngine>(),
            sp.GetRequiredService<IOptionsMonitor<Core.Access.FaceDecisionOptions>>(),
            sp.GetRequiredService<IOptions<FaceTrackingOptions>>(),
            sp.GetRequiredService<IOptions<FaceLivenessOptions>>(),
            sp.GetRequiredService<FaceRefusals>(),
            sp.GetRequiredService<Core.Door.DoorSet>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FaceObservationHandler>>()));
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<FaceObservationHandler>());
        services.AddSingleton<FaceWorkerSupervisor>();
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<FaceWorkerSupervisor>());
        services.AddSingleton<ISubsystemStatusSource, FaceCameraStatus>();
        services.AddHostedService(sp => sp.GetRequiredService<FaceWorkerSupervisor>());
        return services;
    }
}
