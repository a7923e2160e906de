using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Core.Health;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Door;

internal static class DoorHostingExtensions
{
    /// <summary>
    /// The GPIO controller and the lock relay. In simulation the pins are a <see cref="SimulatedGpioDriver"/>
    /// that records every write; on a device, System.Device.Gpio picks libgpiod.
    /// </summary>
    public static IServiceCollection AddDoorHardware(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<RelayOptions, RelayOptionsValidator>().BindConfiguration(RelayOptions.Section);
        services.AddSingleton(sp => new SimulatedGpioDriver(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DaemonOptions>>().Value.Simulate
            ? new GpioController(sp.GetRequiredService<SimulatedGpioDriver>())
            : new GpioController());
        services.AddSingleton<GpioDoorRelay>();
        services.AddSingleton<IDoorRelay>(sp => sp.GetRequiredService<GpioDoorRelay>());
        services.AddSingleton<ISubsystemStatusSource, DoorStatus>();
        return services;
    }
}
