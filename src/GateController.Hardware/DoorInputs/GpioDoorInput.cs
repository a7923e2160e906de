using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Core.Inputs;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.DoorInputs;

/// <summary>
/// One door input on one GPIO line, debounced by the shared <see cref="InputDebouncer"/>: each edge is
/// fed to it, and a timer reads the line once more when the debounce time has passed, so a change counts
/// only once the line has held it that long and the last edge of a bounce is never missed. Reports the
/// level it reads at start as the initial state. A line that cannot be opened or read raises a fault
/// and is tried again every <see cref="RetryInterval"/>; nothing it does throws into the daemon. Thread-safe.
/// </summary>
public sealed class GpioDoorInput : IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _door;
    private readonly DoorInput _input;
    private readonly int _pin;
    private readonly PinValue _activeLevel;
    private readonly PinMode _mode;
    private readonly Action<bool, bool> _changed;
    private readonly Action<bool> _faulted;
    private readonly ITimer _reopen;
    private bool _isFaulted;
    private bool _listening;
    private bool _opened;
    private readonly ILogger _logger;
    private readonly InputDebouncer _debouncer;
    private readonly ITimer _settle;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="changed">Called with (active, initial) on each debounced change; first with the level read at start.</param>
    /// <param name="faulted">Called with true when the line cannot be opened or read, and with false once it reads again.</param>
    public GpioDoorInput(GpioController gpio, int door, DoorInput input, DoorInputOptions options, Action<bool, bool> changed, Action<bool> faulted,
        TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(faulted);
        ArgumentNullException.ThrowIfNull(time);
        _gpio = gpio;
        _door = door;
        _input = input;
        _pin = options.Pin;
        _mode = options.Pull switch
        {
            InputPull.Up => PinMode.InputPullUp,
            InputPull.Down => PinMode.InputPullDown,
            _ => PinMode.Input,
        };
        _activeLevel = options.ActiveLevel == RelayActiveLevel.High ? PinValue.High : PinValue.Low;
        _changed = changed;
        _faulted = faulted;
        _logger = logger;
        _debouncer = new InputDebouncer(1, options.DebounceDuration, time);
        _settle = time.CreateTimer(_ => Sample(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _reopen = time.CreateTimer(_ => Open(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // A line that cannot be had at start (chip missing, line held by another process) is an alarm, not a daemon that stops.
        Open();
    }

    /// <summary>How often a line that failed is opened and read again.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>True while the line cannot be opened or read.</summary>
    public bool IsFaulted
    {
        get
        {
            lock (_gate)
            {
                return _isFaulted;
            }
        }
    }

    public DoorInput Input => _input;

    public int Pin => _pin;

    /// <summary>The debounced state.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _debouncer.IsPressed(0);
            }
        }
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        Sample();
        lock (_gate)
        {
            if (!_disposed)
            {
                _settle.Change(_debouncer.DebounceDuration, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Sample()
    {
        bool changed;
        bool active;
        try
        {
            active = ReadActive();
        }
        catch (Exception exception) when (GpioLines.IsLineFailure(exception))
        {
            Fault(exception);
            return;
        }

        lock (_gate)
        {
            if (_disposed || _isFaulted)
            {
                return;
            }

            changed = _debouncer.Update(0, active, out _);
            active = _debouncer.IsPressed(0);
            // Reported under the lock, so the edge thread and the settle timer cannot deliver two changes out of order.
            if (changed)
            {
                Log.Changed(_logger, _door, _input, active ? "active" : "inactive");
                _changed(active, false);
            }
            else if (_debouncer.IsSettling(0))
            {
                // A timer may fire a little early, or the line bounced again: look once more rather than miss the change.
                _settle.Change(_debouncer.DebounceDuration / 4 + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// Opens the line if need be and reads it; its level then counts as a fresh start (no edge consequences, so a door
    /// found open after a fault is not "forced"). On failure, raises the fault once and tries again later.
    /// </summary>
    private void Open()
    {
        bool active;
        try
        {
            if (!_opened)
            {
                GpioLines.Open(_gpio, _pin, _mode, null);
                _opened = true;
            }

            active = ReadActive();
        }
        catch (Exception exception) when (GpioLines.IsLineFailure(exception))
        {
            Fault(exception);
            return;
        }

        bool recovered;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _debouncer.Reset(0, active);
            recovered = _isFaulted;
            _isFaulted = false;
            Log.Ready(_logger, _door, _input, _pin, active ? "active" : "inactive");
            _changed(active, true);
            if (!_listening)
            {
                _gpio.RegisterCallbackForPinValueChangedEvent(_pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
                _listening = true;
            }
        }

        if (recovered)
        {
            _faulted(false);
        }
    }

    private void Fault(Exception exception)
    {
        bool first;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            first = !_isFaulted;
            _isFaulted = true;
            _reopen.Change(RetryInterval, Timeout.InfiniteTimeSpan);
        }

        if (first)
        {
            Log.ReadFailed(_logger, _door, _input, _pin, exception);
            _faulted(true);
        }
    }

    private bool ReadActive() => _gpio.Read(_pin) == _activeLevel;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _settle.Dispose();
            _reopen.Dispose();
        }

        if (_listening)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        }
    }
}
