using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

internal static class AccessPolicyGuardExtensions
{
    public static IServiceCollection AddAccessPolicyGuard(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AccessPointOptions>, AccessPolicyGuard>();
        return services;
    }
}
