using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Gpio;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Door;

/// <summary>
/// The doors put together: a <see cref="DoorController"/> on each relay, its inputs on GPIO, and in
/// simulation a <see cref="SimulatedDoor"/> that plays each physical door. Owns and disposes them all.
/// </summary>
internal sealed class DoorHardware : IDisposable
{
    private readonly List<GpioDoorInput> _inputs = [];
    private readonly Dictionary<int, SimulatedDoor> _simulated = [];

    public DoorHardware(
        DoorRelays relays,
        GpioController gpio,
        IOptions<DoorsOptions> options,
        IOptions<DaemonOptions> daemon,
        AccessEventPublisher events,
        IServiceProvider services,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        var doors = options.Value.Doors;
        Configured = doors;
        var controllers = doors.Select(d => new DoorController(
            d.Number, d.Timing, relays.For(d.Number), events, time, loggerFactory.CreateLogger<DoorController>())).ToList();
        Doors = new DoorSet(controllers, options.Value.ReaderDoors());
        if (daemon.Value.Simulate)
        {
            var driver = services.GetRequiredService<SimulatedGpioDriver>();
            foreach (var door in doors)
            {
                _simulated[door.Number] = new SimulatedDoor(driver, door.Number, door.Relay, door.Inputs, time);
            }
        }

        var inputLogger = loggerFactory.CreateLogger<GpioDoorInput>();
        foreach (var door in doors)
        {
            foreach (var (input, inputOptions) in door.Inputs)
            {
                var number = door.Number;
                _inputs.Add(new GpioDoorInput(gpio, number, input, inputOptions,
                    (active, initial) => Doors.OnInput(number, input, active, initial), faulted => Doors.OnInputFault(number, input, faulted), time, inputLogger));
            }
        }
    }

    public DoorSet Doors { get; }

    public IReadOnlyList<ConfiguredDoor> Configured { get; }

    public bool TryGetSimulated(int door, out SimulatedDoor simulated) => _simulated.TryGetValue(door, out simulated!);

    public void Dispose()
    {
        foreach (var input in _inputs)
        {
            input.Dispose();
        }

        foreach (var simulated in _simulated.Values)
        {
            simulated.Dispose();
        }

        Doors.Dispose();
    }
}
