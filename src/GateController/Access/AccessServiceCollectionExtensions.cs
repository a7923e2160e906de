using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Access;

internal static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccessDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<FaceDecisionOptions, FaceDecisionOptionsValidator>()
            .Bind(configuration.GetSection(FaceDecisionOptions.Section));
        services.AddSingleton<AccessEventJournal>();
        services.AddSingleton<IAccessEventSink>(sp => sp.GetRequiredService<AccessEventJournal>());
        services.AddSingleton<AccessEventPublisher>();
        services.AddSingleton<ICredentialVerifier, FaceMatchVerifier>();
        services.AddSingleton<AccessDecisionEngine>();
        return services;
    }
}
