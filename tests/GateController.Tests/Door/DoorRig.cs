using System.Collections.Concurrent;
using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Door;

/// <summary>
/// Doors as the daemon builds them, on a simulated chip under a fake clock: a relay line per door, the
/// contact, exit, fire and tamper inputs on GPIO through the shared debouncer, a <see cref="DoorController"/>
/// each, and a <see cref="SimulatedDoor"/> that plays the physical door. Door 1: relay 17, contact 25,
/// exit 26, fire 16, tamper 20; door 2: relay 27, contact 21, exit 19, tamper 13.
/// </summary>
public sealed class DoorRig : IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);

    private readonly List<GpioDoorInput> _inputs = [];
    private readonly List<SimulatedDoor> _simulated = [];

    public DoorRig(int doors = 1, RelayLockType lockType = RelayLockType.FailSecure, Action<SimulatedGpioDriver>? beforeDoors = null,
        IReadOnlyDictionary<string, int>? readerDoors = null, DoorOptions? timing = null)
    {
        Driver = new SimulatedGpioDriver(Time);
        Gpio = new GpioController(Driver);
        beforeDoors?.Invoke(Driver);
        Events = new AccessEventPublisher([new RecordingSink(Recorded)]);
        List<DoorController> controllers = [];
        for (var number = 1; number <= doors; number++)
        {
            var relay = new RelayOptions { Pin = number == 1 ? 17 : 27, LockType = lockType };
            Relays.Add(relay);
            controllers.Add(new DoorController(number, timing ?? new DoorOptions(), new GpioRelayOutput(Gpio, relay, NullLogger<GpioRelayOutput>.Instance),
                Events, Time, NullLogger.Instance));
        }

        Doors = new DoorSet(controllers, readerDoors ?? new Dictionary<string, int>());
        for (var number = 1; number <= doors; number++)
        {
            var inputs = InputsOf(number);
            var simulated = new SimulatedDoor(Driver, number, Relays[number - 1], inputs, Time);
            _simulated.Add(simulated);
            foreach (var (input, options) in inputs)
            {
                var door = number;
                _inputs.Add(new GpioDoorInput(Gpio, door, input, options, (active, initial) => Doors.OnInput(door, input, active, initial),
                    faulted => Doors.OnInputFault(door, input, faulted), Time, NullLogger.Instance));
            }
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Driver { get; }

    public GpioController Gpio { get; }

    public AccessEventPublisher Events { get; }

    public ConcurrentQueue<AccessEvent> Recorded { get; } = new();

    public List<RelayOptions> Relays { get; } = [];

    public DoorSet Doors { get; }

    public DoorController Door(int number = 1) => Doors.TryGet(number, out var door) ? door : throw new ArgumentOutOfRangeException(nameof(number));

    public SimulatedDoor Physical(int number = 1) => _simulated[number - 1];

    public DoorState State(int number = 1) => Door(number).State;

    /// <summary>The relay line of door <paramref name="number"/> reads unlocked right now.</summary>
    public bool LineUnlocked(int number = 1) => Driver.ValueOf(Relays[number - 1].Pin) == Relays[number - 1].UnlockedLevel;

    /// <summary>Every write to door <paramref name="number"/>'s relay line: true = unlocked.</summary>
    public List<bool> LineWrites(int number = 1) =>
        [.. Driver.Writes.Where(w => w.Pin == Relays[number - 1].Pin).Select(w => w.Value == Relays[number - 1].UnlockedLevel)];

    /// <summary>Drives an input and lets the debounce time pass, as a real switch would be held.</summary>
    public void Set(DoorInput input, bool active, int door = 1)
    {
        Physical(door).Set(input, active);
        Advance(Debounce);
    }

    /// <summary>
    /// Advances in steps of 10 ms (100 ms beyond the first minute): <see cref="FakeTimeProvider.Advance"/> jumps to
    /// the end first and then fires what is due, so a timer armed by a callback (the debounce settle, the door
    /// opening after an unlock) would otherwise start from the end of a long step.
    /// </summary>
    public void Advance(TimeSpan span)
    {
        var fine = TimeSpan.FromMilliseconds(10);
        var coarse = TimeSpan.FromMilliseconds(100);
        var done = TimeSpan.Zero;
        while (done < span)
        {
            var step = done < TimeSpan.FromMinutes(1) ? fine : coarse;
            step = step < span - done ? step : span - done;
            Time.Advance(step);
            done += step;
        }
    }

    public List<AccessEvent> Alarms() => [.. Recorded.Where(e => e.Result == AccessResult.Alarm)];

    public List<string> AlarmReasons(int door = 1) => [.. Alarms().Where(e => e.Door == door).Select(e => e.Reason)];

    public static Dictionary<DoorInput, DoorInputOptions> InputsOf(int door) => door == 1
        ? new()
        {
            [DoorInput.Contact] = new() { Pin = 25, DebounceDuration = Debounce },
            [DoorInput.Exit] = new() { Pin = 26, DebounceDuration = Debounce },
            [DoorInput.Fire] = new() { Pin = 16, DebounceDuration = Debounce },
            [DoorInput.Tamper] = new() { Pin = 20, DebounceDuration = Debounce },
        }
        : new()
        {
            [DoorInput.Contact] = new() { Pin = 21, DebounceDuration = Debounce },
            [DoorInput.Exit] = new() { Pin = 19, DebounceDuration = Debounce },
            [DoorInput.Tamper] = new() { Pin = 13, DebounceDuration = Debounce },
        };

    public static AccessAttempt Attempt(string reader, int door = 1) =>
        new(reader, new CardCredential(new CardNumber("H10301", 13, 13067, 26, 0)), 0) { Door = door };

    public void Dispose()
    {
        foreach (var input in _inputs)
        {
            input.Dispose();
        }

        foreach (var simulated in _simulated)
        {
            simulated.Dispose();
        }

        Doors.Dispose();
        Gpio.Dispose();
    }

    private sealed class RecordingSink(ConcurrentQueue<AccessEvent> events) : IAccessEventSink
    {
        public void Publish(AccessEvent accessEvent) => events.Enqueue(accessEvent);
    }
}
