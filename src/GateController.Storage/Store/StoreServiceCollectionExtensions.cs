using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="StoreOptions"/> at start, and registers one <see cref="GateStore"/>
    /// opened on first use with the systemd credential or the key file (<see cref="MasterKeySources.FromEnvironment"/>).
    /// </summary>
    public static IServiceCollection AddGateStore(this IServiceCollection services, string configSectionPath = StoreOptions.Section)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<StoreOptions, StoreOptionsValidator>().BindConfiguration(configSectionPath);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            return GateStore.Open(
                options,
                MasterKeySources.FromEnvironment(options),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<GateStore>>());
        });
        return services;
    }
}
