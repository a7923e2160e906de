using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Core.Health;
using GateController.Hardware.Gpio;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Door;

internal static class DoorHostingExtensions
{
    /// <summary>
    /// The GPIO controller, the doors' relays, inputs and controllers. In simulation the pins are a
    /// <see cref="SimulatedGpioDriver"/> that records every write; on a device, System.Device.Gpio picks libgpiod.
    /// </summary>
    public static IServiceCollection AddDoorHardware(this IServiceCollection services)
    {
        services.AddOptions<DoorsOptions>().Configure<IConfiguration, IOptions<DaemonOptions>>(
            (options, configuration, daemon) => DoorConfiguration.Bind(options, configuration, daemon.Value.Simulate));
        services.AddSingleton<IValidateOptions<DoorsOptions>, DoorsOptionsValidator>();
        services.AddOptions<DoorsOptions>().ValidateOnStart();
        services.AddSingleton(sp => new SimulatedGpioDriver(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DaemonOptions>>().Value.Simulate
            ? new GpioController(sp.GetRequiredService<SimulatedGpioDriver>())
            : new GpioController());
        services.AddSingleton<DoorRelays>();
        services.AddSingleton<DoorHardware>();
        services.AddSingleton(sp => sp.GetRequiredService<DoorHardware>().Doors);
        services.AddSingleton<IDoorOpener>(sp => sp.GetRequiredService<DoorSet>());
        services.AddSingleton<ISubsystemStatusSource, DoorStatus>();
        return services;
    }

    /// <summary>
    /// Claims every relay line at its locked level, then builds the doors, before any hosted service
    /// starts: nothing else runs while a relay line could still float or glitch open.
    /// </summary>
    public static void LockDoorsFirst(this IServiceProvider services)
    {
        _ = services.GetRequiredService<DoorRelays>();
        _ = services.GetRequiredService<DoorHardware>();
    }
}
