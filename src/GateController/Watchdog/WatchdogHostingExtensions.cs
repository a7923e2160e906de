using GateController.Core.Health;

namespace GateController.Watchdog;

internal static class WatchdogHostingExtensions
{
    /// <summary>The systemd watchdog feeder; off (and saying why in the log and status) outside a unit with <c>WatchdogSec=</c>.</summary>
    public static IServiceCollection AddWatchdog(this IServiceCollection services)
    {
        services.AddSingleton<DaemonLiveness>();
        services.AddSingleton<EngineStallDrill>();
        services.AddSingleton(sp =>
        {
            var settings = WatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId, out var reason);
            return new WatchdogService(
                sp.GetRequiredService<DaemonLiveness>(),
                settings,
                reason,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<WatchdogService>>());
        });
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<WatchdogService>());
        services.AddHostedService(sp => sp.GetRequiredService<WatchdogService>());
        return services;
    }
}
