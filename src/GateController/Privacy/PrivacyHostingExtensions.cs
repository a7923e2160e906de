using GateController.Storage.Retention;

namespace GateController.Privacy;

internal static class PrivacyHostingExtensions
{
    /// <summary>Retention options (validated at start), the daily backup and retention timer.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<RetentionOptions, RetentionOptionsValidator>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<StoreMaintenance>();
        services.AddHostedService<StoreMaintenanceService>();
        return services;
    }
}
