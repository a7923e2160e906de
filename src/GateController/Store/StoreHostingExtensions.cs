using GateController.Core.Events;
using GateController.Core.Health;
using GateController.Core.Pseudonyms;
using GateController.Hosting;
using GateController.Storage.Store;

namespace GateController.Store;

internal static class StoreHostingExtensions
{
    public static IServiceCollection AddStore(this IServiceCollection services)
    {
        services.AddGateStore();
        // The store lives in the daemon's data directory unless Store:DataDirectory says otherwise;
        // only a simulation may create a development key.
        services.AddOptions<StoreOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<DaemonOptions>>((store, daemon) =>
        {
            if (string.IsNullOrWhiteSpace(store.DataDirectory))
            {
                store.DataDirectory = daemon.Value.DataDirectory;
            }

            store.CreateDevelopmentKey = daemon.Value.Simulate;
        });
        services.AddSingleton<IPersonPseudonyms>(sp => sp.GetRequiredService<GateStore>().Pseudonyms);
        services.AddHostedService<StoreStartup>();
        services.AddSingleton<IEventSequenceStart, StoredEventSequence>();
        services.AddSingleton<StoredAccessEvents>();
        services.AddSingleton<IAccessEventSink>(sp => sp.GetRequiredService<StoredAccessEvents>());
        services.AddHostedService(sp => sp.GetRequiredService<StoredAccessEvents>());
        services.AddSingleton<ISubsystemStatusSource, StoreStatus>();
        return services;
    }
}
