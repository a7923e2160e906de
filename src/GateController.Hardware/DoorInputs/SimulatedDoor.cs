using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;

namespace GateController.Hardware.DoorInputs;

/// <summary>
/// The physical door, played on a <see cref="SimulatedGpioDriver"/> for tests and <c>--simulate</c>: when
/// the relay line goes to its unlocked level, the door contact opens <see cref="OpenDelay"/> later (someone
/// pushes it) and closes again after <see cref="PassDuration"/>, unless <see cref="FollowRelay"/> is off.
/// <see cref="Set"/> drives any input by hand: a forced door, a fire panel, a tamper switch, a stuck button.
/// Timers come from the given <see cref="TimeProvider"/>, so a fake clock plays the whole scene.
/// </summary>
public sealed class SimulatedDoor : IDisposable
{
    public static readonly TimeSpan DefaultOpenDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan DefaultPassDuration = TimeSpan.FromSeconds(2);

    private readonly SimulatedGpioDriver _driver;
    private readonly RelayOptions _relay;
    private readonly IReadOnlyDictionary<DoorInput, DoorInputOptions> _inputs;
    private readonly ITimer _openTimer;
    private readonly ITimer _closeTimer;
    private readonly Lock _gate = new();
    private bool _followRelay = true;

    public SimulatedDoor(SimulatedGpioDriver driver, int door, RelayOptions relay, IReadOnlyDictionary<DoorInput, DoorInputOptions> inputs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(time);
        Door = door;
        _driver = driver;
        _relay = relay;
        _inputs = inputs;
        _openTimer = time.CreateTimer(_ => Set(DoorInput.Contact, true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _closeTimer = time.CreateTimer(_ => Set(DoorInput.Contact, false), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Inputs idle inactive, as a closed door and a quiet fire panel read.
        foreach (var (input, _) in inputs)
        {
            Set(input, false);
        }

        driver.PinWritten += OnPinWritten;
    }

    public int Door { get; }

    public TimeSpan OpenDelay { get; set; } = DefaultOpenDelay;

    public TimeSpan PassDuration { get; set; } = DefaultPassDuration;

    /// <summary>Whether someone walks through each time the lock releases (on by default).</summary>
    public bool FollowRelay
    {
        get
        {
            lock (_gate)
            {
                return _followRelay;
            }
        }

        set
        {
            lock (_gate)
            {
                _followRelay = value;
            }
        }
    }

    public bool HasInput(DoorInput input) => _inputs.ContainsKey(input);

    /// <summary>Drives <paramref name="input"/>'s line to its active or inactive level.</summary>
    public void Set(DoorInput input, bool active)
    {
        if (!_inputs.TryGetValue(input, out var options))
        {
            throw new InvalidOperationException($"Door {Door} has no {input.ToString().ToLowerInvariant()} input configured.");
        }

        var activeHigh = options.ActiveLevel == RelayActiveLevel.High;
        _driver.SimulateEdge(options.Pin, active == activeHigh ? PinEventTypes.Rising : PinEventTypes.Falling);
    }

    private void OnPinWritten(object? sender, PinWrite write)
    {
        if (write.Pin != _relay.Pin || write.Value != _relay.UnlockedLevel || !_inputs.ContainsKey(DoorInput.Contact))
        {
            return;
        }

        lock (_gate)
        {
            if (_followRelay)
            {
                _openTimer.Change(OpenDelay, Timeout.InfiniteTimeSpan);
                _closeTimer.Change(OpenDelay + PassDuration, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        _driver.PinWritten -= OnPinWritten;
        _openTimer.Dispose();
        _closeTimer.Dispose();
    }
}
