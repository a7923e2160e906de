using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Core.Inputs;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.DoorInputs;

/// <summary>
/// One door input on one GPIO line, debounced by the shared <see cref="InputDebouncer"/>: each edge is
/// fed to it, and a timer reads the line once more when the debounce time has passed, so a change counts
/// only once the line has held it that long and the last edge of a bounce is never missed. Reports the
/// level it reads at start as the initial state. Thread-safe.
/// </summary>
public sealed class GpioDoorInput : IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _door;
    private readonly DoorInput _input;
    private readonly int _pin;
    private readonly PinValue _activeLevel;
    private readonly Action<bool, bool> _changed;
    private readonly ILogger _logger;
    private readonly InputDebouncer _debouncer;
    private readonly ITimer _settle;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="changed">Called with (active, initial) on each debounced change; first with the level read at start.</param>
    public GpioDoorInput(GpioController gpio, int door, DoorInput input, DoorInputOptions options, Action<bool, bool> changed, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(time);
        _gpio = gpio;
        _door = door;
        _input = input;
        _pin = options.Pin;
        _activeLevel = options.ActiveLevel == RelayActiveLevel.High ? PinValue.High : PinValue.Low;
        _changed = changed;
        _logger = logger;
        _debouncer = new InputDebouncer(1, options.DebounceDuration, time);
        _gpio.OpenPin(_pin, options.Pull switch
        {
            InputPull.Up => PinMode.InputPullUp,
            InputPull.Down => PinMode.InputPullDown,
            _ => PinMode.Input,
        });
        _settle = time.CreateTimer(_ => Sample(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var active = ReadActive();
        lock (_gate)
        {
            _debouncer.Reset(0, active);
        }

        Log.Ready(logger, door, input, _pin, active ? "active" : "inactive");
        _changed(active, true);
        _gpio.RegisterCallbackForPinValueChangedEvent(_pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
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
        catch (IOException exception)
        {
            Log.ReadFailed(_logger, _door, _input, _pin, exception);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
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
        }

        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
    }
}
