using System.Device.Gpio;
using GateController.Core.Door;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GateController.Hardware.Relay;

/// <summary>
/// The lock relay on one GPIO line. It drives the line inactive as soon as it is built, so a restart
/// never leaves the door open; <see cref="Pulse"/> energises it and a <see cref="TimeProvider"/> timer
/// releases it. A pulse during a pulse moves the release time out (never in) without touching the pin,
/// so a second resident does not get a click-and-relock. Thread-safe.
/// </summary>
public sealed class GpioDoorRelay : IDoorRelay, IDisposable
{
    private readonly GpioController _gpio;
    private readonly TimeProvider _time;
    private readonly ILogger<GpioDoorRelay> _logger;
    private readonly int _pin;
    private readonly PinValue _active;
    private readonly PinValue _inactive;
    private readonly ITimer _releaseTimer;
    private readonly Lock _gate = new();
    private long _releaseAtTimestamp;
    private bool _unlocked;
    private long _pulseCount;
    private bool _disposed;

    public GpioDoorRelay(GpioController gpio, IOptions<RelayOptions> options, TimeProvider time, ILogger<GpioDoorRelay> logger)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        _gpio = gpio;
        _time = time;
        _logger = logger;
        var relay = options.Value;
        _pin = relay.Pin;
        _active = relay.ActiveLevel == RelayActiveLevel.High ? PinValue.High : PinValue.Low;
        _inactive = relay.ActiveLevel == RelayActiveLevel.High ? PinValue.Low : PinValue.High;
        _gpio.OpenPin(_pin, PinMode.Output, _inactive);
        // OpenPin's initial value is applied only when the driver supports it; write it again to be sure.
        _gpio.Write(_pin, _inactive);
        _releaseTimer = time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Log.Ready(logger, _pin, relay.ActiveLevel);
    }

    public bool IsUnlocked
    {
        get
        {
            lock (_gate)
            {
                return _unlocked;
            }
        }
    }

    public long PulseCount => Interlocked.Read(ref _pulseCount);

    public void Pulse(TimeSpan holdOpenDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdOpenDuration, TimeSpan.Zero);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetTimestamp();
            var releaseAt = now + (long)(holdOpenDuration.TotalSeconds * _time.TimestampFrequency);
            Interlocked.Increment(ref _pulseCount);
            if (_unlocked && releaseAt <= _releaseAtTimestamp)
            {
                return;
            }

            _releaseAtTimestamp = releaseAt;
            if (!_unlocked)
            {
                _gpio.Write(_pin, _active);
                _unlocked = true;
            }

            _releaseTimer.Change(holdOpenDuration, Timeout.InfiniteTimeSpan);
        }

        Log.Energised(_logger, _pin, holdOpenDuration.TotalSeconds);
    }

    private void Release()
    {
        lock (_gate)
        {
            if (_disposed || !_unlocked)
            {
                return;
            }

            // A timer that fired just as a pulse extended the hold finds the new deadline and waits again.
            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), _releaseAtTimestamp);
            if (remaining > TimeSpan.Zero)
            {
                _releaseTimer.Change(remaining, Timeout.InfiniteTimeSpan);
                return;
            }

            _gpio.Write(_pin, _inactive);
            _unlocked = false;
        }

        Log.Released(_logger, _pin);
    }

    /// <summary>Releases the lock and stops the timer. The pin stays open and driven inactive: closing it could let it float.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _releaseTimer.Dispose();
            _gpio.Write(_pin, _inactive);
            _unlocked = false;
        }
    }
}
