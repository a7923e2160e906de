using GateController.Core.Access;
using GateController.Core.Events;
using Microsoft.Extensions.Logging;

namespace GateController.Core.Door;

/// <summary>
/// One door: the only code that drives its lock. Every request (a grant, the exit button, an operator,
/// a hold-open, the fire alarm) and every input (contact, exit, tamper) changes its state, and one
/// evaluation decides what the lock must be: unlocked while the fire alarm is on, a hold-open lasts or a
/// pulse runs; locked otherwise. The same evaluation raises the door's alarms and arms one timer for the
/// next deadline. A failed relay write raises <c>relayFault</c>, falls back to driving the lock shut and is
/// tried again every <see cref="DoorOptions.RelayRetryInterval"/>; no exception leaves this class.
/// Thread-safe; events are published under the door's lock, so they come out in the order they happened.
/// </summary>
public sealed partial class DoorController : IDisposable
{
    private readonly DoorOptions _options;
    private readonly IRelayOutput _relay;
    private readonly AccessEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly string _source;

    private long? _pulseUntil;
    private DateTimeOffset? _holdUntil;
    private bool _fire;
    private bool? _contactOpen;
    private long _openSince;
    private bool _openedDuringPulse;
    private bool _exitPressed;
    private long _exitPressedSince;
    private bool _tamper;
    private bool _heldOpenAlarm;
    private bool _forcedOpenAlarm;
    private bool _stuckAlarm;
    private bool _relayUnlocked;
    private string? _relayFault;
    private readonly HashSet<DoorInput> _faultedInputs = [];
    private long? _retryAt;
    private long _pulses;
    private bool _disposed;

    public DoorController(int door, DoorOptions options, IRelayOutput relay, AccessEventPublisher events, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(door, 1);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        Number = door;
        _options = options;
        _relay = relay;
        _events = events;
        _time = time;
        _logger = logger;
        _source = $"door{door}";
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            // Locked before anything else can ask for it: a restart never leaves the door open.
            Apply(forceWrite: true);
        }

        Log.Ready(logger, door, options.HoldOpenDuration.TotalSeconds);
    }

    public int Number { get; }

    /// <summary>A credential was granted at <paramref name="reader"/>: unlock for the pulse. False when the relay failed.</summary>
    public bool Grant(string reader)
    {
        lock (_gate)
        {
            StartPulse();
            Log.Granted(_logger, Number, reader);
            return _relayFault is null;
        }
    }

    /// <summary>The technician's manual open: one pulse, recorded with the operator.</summary>
    public bool ManualOpen(string operatorName)
    {
        lock (_gate)
        {
            StartPulse();
            Publish(AccessMethod.Manual, Operator(operatorName), AccessResult.Unlocked, "manualOpen");
            return _relayFault is null;
        }
    }

    /// <summary>Ends a pulse and a hold-open now. The fire alarm still wins: while it is on the door stays unlocked.</summary>
    public void ManualLock(string operatorName)
    {
        lock (_gate)
        {
            _pulseUntil = null;
            _holdUntil = null;
            _openedDuringPulse = false;
            Publish(AccessMethod.Manual, Operator(operatorName), AccessResult.Locked, _fire ? "manualLock (fire alarm keeps it unlocked)" : "manualLock");
            Apply();
        }
    }

    /// <summary>Holds the door unlocked until <paramref name="until"/> (a moving day); false when that is not in the future.</summary>
    public bool HoldOpen(DateTimeOffset until, string operatorName)
    {
        lock (_gate)
        {
            if (until <= _time.GetUtcNow())
            {
                return false;
            }

            _holdUntil = until;
            Publish(AccessMethod.Manual, Operator(operatorName), AccessResult.Unlocked,
                $"holdOpen until {until.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}");
            Apply();
            return true;
        }
    }

    /// <summary>
    /// The line of <paramref name="input"/> could (not) be read: an alarm on the first failure, cleared when it reads
    /// again. The door keeps its last known state meanwhile; the relay is unaffected.
    /// </summary>
    public void OnInputFault(DoorInput input, bool faulted)
    {
        lock (_gate)
        {
            if (faulted ? _faultedInputs.Add(input) : _faultedInputs.Remove(input))
            {
                Publish(AccessMethod.Door, $"{_source}:{InputName(input)}", faulted ? AccessResult.Alarm : AccessResult.Cleared, DoorAlarm.InputFault);
            }
        }
    }

    private static string InputName(DoorInput input) => input switch
    {
        DoorInput.Contact => "contact",
        DoorInput.Exit => "exit",
        DoorInput.Fire => "fire",
        DoorInput.Tamper => "tamper",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown door input"),
    };

    /// <summary>
    /// A debounced input changed. <paramref name="initial"/> is the level read when the input was opened:
    /// it sets the state without an edge's consequences (a door found open at start is not forced).
    /// </summary>
    public void OnInput(DoorInput input, bool active, bool initial = false)
    {
        lock (_gate)
        {
            switch (input)
            {
                case DoorInput.Contact:
                    OnContact(active, initial);
                    break;
                case DoorInput.Exit:
                    OnExit(active, initial);
                    break;
                case DoorInput.Tamper:
                    OnTamper(active);
                    break;
                case DoorInput.Fire:
                    throw new ArgumentException("The fire input is site-wide: DoorSet passes it to every door.", nameof(input));
                default:
                    throw new ArgumentOutOfRangeException(nameof(input), input, "unknown door input");
            }

            Apply();
        }
    }

    /// <summary>The fire alarm (from any door's fire input) unlocks this door while it is on and overrides everything.</summary>
    public void SetFire(bool active)
    {
        lock (_gate)
        {
            if (_fire == active)
            {
                return;
            }

            _fire = active;
            Publish(AccessMethod.Door, $"{_source}:fire", active ? AccessResult.Alarm : AccessResult.Cleared, DoorAlarm.Fire);
            if (!active && _contactOpen == true)
            {
                _openSince = _time.GetTimestamp();
            }

            Apply();
        }
    }

    /// <summary>Unlocked (a pulse, a hold-open, the fire alarm) or its contact open; allocation-free, unlike <see cref="State"/>.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return UnlockWanted() || _contactOpen == true;
            }
        }
    }

    public DoorState State
    {
        get
        {
            lock (_gate)
            {
                List<string> alarms = [];
                AddIf(alarms, _heldOpenAlarm, DoorAlarm.HeldOpen);
                AddIf(alarms, _forcedOpenAlarm, DoorAlarm.ForcedOpen);
                AddIf(alarms, _fire, DoorAlarm.Fire);
                AddIf(alarms, _tamper, DoorAlarm.Tamper);
                AddIf(alarms, _stuckAlarm, DoorAlarm.StuckInput);
                AddIf(alarms, _relayFault is not null, DoorAlarm.RelayFault);
                AddIf(alarms, _faultedInputs.Count > 0, DoorAlarm.InputFault);
                var relay = _holdUntil is not null && !_fire ? DoorRelayState.HeldOpen
                    : UnlockWanted() ? DoorRelayState.Unlocked
                    : DoorRelayState.Locked;
                return new DoorState(Number, relay, _contactOpen, _fire, _tamper, _exitPressed, alarms, _holdUntil, _relayFault, _pulses);
            }
        }
    }

    private static void AddIf(List<string> alarms, bool condition, string alarm)
    {
        if (condition)
        {
            alarms.Add(alarm);
        }
    }

    private static string Operator(string operatorName) => $"operator:{(string.IsNullOrWhiteSpace(operatorName) ? "unknown" : operatorName)}";

    private void StartPulse()
    {
        var until = _time.GetTimestamp() + (long)(_options.HoldOpenDuration.TotalSeconds * _time.TimestampFrequency);
        // Two grants in a row extend the pulse; they never toggle it or shorten it.
        _pulseUntil = _pulseUntil is { } current && current > until ? current : until;
        _pulses++;
        Apply();
    }

    private bool UnlockWanted() => _fire || _holdUntil is not null || _pulseUntil is not null;

    private void Publish(AccessMethod method, string reader, AccessResult result, string reason)
    {
        _events.Publish(new AccessEvent(0, _time.GetUtcNow(), method, reader, null, result, reason, TimeSpan.Zero, Number));
        if (result == AccessResult.Alarm)
        {
            Log.Alarm(_logger, Number, reason);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            _pulseUntil = null;
            _holdUntil = null;
            _fire = false;
            TryDrive(false);
        }
    }
}
