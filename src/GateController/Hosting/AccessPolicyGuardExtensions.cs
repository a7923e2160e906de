using Microsoft.Extensions.Options;

namespace GateController.Hosting;

internal static class AccessPolicyGuardExtensions
{
    public static IServiceCollection AddAccessPolicyGuard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<DaemonOptions>>(new AccessPolicyGuard(configuration));
        return services;
    }
}
