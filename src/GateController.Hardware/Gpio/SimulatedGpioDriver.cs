using System.Device.Gpio;

namespace GateController.Hardware.Gpio;

/// <summary>
/// A GPIO chip in memory: the seam for tests and for <c>--simulate</c>, after dotnet/iot's
/// <c>Mcp23xxxTest</c> fake. Pin modes and values live in dictionaries; every write is recorded with a
/// timestamp from the given <see cref="TimeProvider"/> (and raised through <see cref="PinWritten"/>, so a
/// benchmark can stamp the relay write the moment it happens); <see cref="SimulateEdge"/> plays the
/// outside world, firing registered callbacks and completing <c>WaitForEvent</c>.
/// Thread-safe. Callbacks run synchronously on the thread that calls <see cref="SimulateEdge"/>.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    public const int DefaultPinCount = 64;

    private readonly TimeProvider _time;
    private readonly int _pinCount;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly List<(int Pin, PinEventTypes Types, PinChangeEventHandler Callback)> _callbacks = [];
    private readonly List<(int Pin, PinEventTypes Types, TaskCompletionSource<WaitForEventResult> Completion)> _waiters = [];
    private readonly List<PinWrite> _writes = [];
    private readonly Dictionary<int, int> _failingWrites = [];
    private bool _chipLost;
    private readonly HashSet<int> _failingReads = [];

    public SimulatedGpioDriver(TimeProvider time, int pinCount = DefaultPinCount)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _time = time;
        _pinCount = pinCount;
    }

    /// <summary>Raised after each write, on the writing thread.</summary>
    public event EventHandler<PinWrite>? PinWritten;

    /// <summary>A snapshot of every write so far, oldest first.</summary>
    public IReadOnlyList<PinWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>
    /// Plays a GPIO chip that went away (a loose ribbon, a driver unbound): while true, every write and
    /// read throws <see cref="IOException"/>, as libgpiod's do.
    /// </summary>
    public bool ChipLost
    {
        get
        {
            lock (_gate)
            {
                return _chipLost;
            }
        }

        set
        {
            lock (_gate)
            {
                _chipLost = value;
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> writes to <paramref name="pinNumber"/> throw <see cref="IOException"/>.</summary>
    public void FailNextWrites(int pinNumber, int count = 1)
    {
        lock (_gate)
        {
            _failingWrites[pinNumber] = count;
        }
    }

    /// <summary>While <paramref name="fail"/>, every read of <paramref name="pinNumber"/> throws <see cref="IOException"/> (one broken line).</summary>
    public void FailReads(int pinNumber, bool fail = true)
    {
        lock (_gate)
        {
            if (fail)
            {
                _failingReads.Add(pinNumber);
            }
            else
            {
                _failingReads.Remove(pinNumber);
            }
        }
    }

    /// <summary>Reads a pin as the outside world sees it, without opening it through a controller.</summary>
    public PinValue ValueOf(int pinNumber)
    {
        lock (_gate)
        {
            return _values.GetValueOrDefault(pinNumber, PinValue.Low);
        }
    }

    /// <summary>An external device drives <paramref name="pinNumber"/> to <paramref name="edge"/>'s new level.</summary>
    public void SimulateEdge(int pinNumber, PinEventTypes edge)
    {
        CheckPin(pinNumber);
        if (edge is not (PinEventTypes.Falling or PinEventTypes.Rising))
        {
            throw new ArgumentException($"An edge is Falling or Rising, not {edge}.", nameof(edge));
        }

        List<PinChangeEventHandler> callbacks = [];
        List<TaskCompletionSource<WaitForEventResult>> waiters = [];
        lock (_gate)
        {
            _values[pinNumber] = edge == PinEventTypes.Falling ? PinValue.Low : PinValue.High;
            foreach (var (pin, types, callback) in _callbacks)
            {
                if (pin == pinNumber && (types & edge) != 0)
                {
                    callbacks.Add(callback);
                }
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pin == pinNumber && (_waiters[i].Types & edge) != 0)
                {
                    waiters.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        var args = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (var callback in callbacks)
        {
            callback(this, args);
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(new WaitForEventResult { EventTypes = edge, TimedOut = false });
        }
    }

    protected override int PinCount => _pinCount;

    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _modes.TryAdd(pinNumber, PinMode.Input);
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
            _callbacks.RemoveAll(c => c.Pin == pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _modes[pinNumber] = mode;
            // A pull resistor sets the level of an input nobody drives; Wiegand lines idle high this way.
            if (mode == PinMode.InputPullUp)
            {
                _values.TryAdd(pinNumber, PinValue.High);
            }
            else if (mode == PinMode.InputPullDown)
            {
                _values.TryAdd(pinNumber, PinValue.Low);
            }
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes.TryGetValue(pinNumber, out var mode)
                ? mode
                : throw new InvalidOperationException($"Pin {pinNumber} is not open.");
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    /// <summary>
    /// An output requested with its initial level, as libgpiod requests a line: the line never shows another
    /// level first. Recorded as the line's first write.
    /// </summary>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        if (mode != PinMode.Output)
        {
            SetPinMode(pinNumber, mode);
            return;
        }

        CheckPin(pinNumber);
        PinWrite write;
        lock (_gate)
        {
            ThrowIfChipLost(pinNumber);
            write = new PinWrite(pinNumber, initialValue, _time.GetTimestamp());
            _values[pinNumber] = initialValue;
            _modes[pinNumber] = mode;
            _writes.Add(write);
        }

        PinWritten?.Invoke(this, write);
    }

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            ThrowIfChipLost(pinNumber);
            if (_failingReads.Contains(pinNumber))
            {
                throw new IOException($"Simulated read failure on GPIO {pinNumber}.");
            }
        }

        return ValueOf(pinNumber);
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        CheckPin(pinNumber);
        PinWrite write;
        lock (_gate)
        {
            ThrowIfChipLost(pinNumber);
            if (_failingWrites.TryGetValue(pinNumber, out var failing) && failing > 0)
            {
                _failingWrites[pinNumber] = failing - 1;
                throw new IOException($"Simulated write failure on GPIO {pinNumber}.");
            }

            write = new PinWrite(pinNumber, value, _time.GetTimestamp());
            _values[pinNumber] = value;
            _writes.Add(write);
        }

        PinWritten?.Invoke(this, write);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var completion = AddWaiter(pinNumber, eventTypes);
        try
        {
            completion.Task.Wait(cancellationToken);
            return completion.Task.Result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            RemoveWaiter(completion);
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var completion = AddWaiter(pinNumber, eventTypes);
        try
        {
            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            RemoveWaiter(completion);
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callbacks.Add((pinNumber, eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Callback == callback);
        }
    }

    public override GpioChipInfo GetChipInfo() => new(0, "simulated", "GateController simulated GPIO", _pinCount);

    private TaskCompletionSource<WaitForEventResult> AddWaiter(int pinNumber, PinEventTypes eventTypes)
    {
        CheckPin(pinNumber);
        var completion = new TaskCompletionSource<WaitForEventResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((pinNumber, eventTypes, completion));
        }

        return completion;
    }

    private void RemoveWaiter(TaskCompletionSource<WaitForEventResult> completion)
    {
        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Completion == completion);
        }
    }

    private void ThrowIfChipLost(int pinNumber)
    {
        if (_chipLost)
        {
            throw new IOException($"GPIO {pinNumber}: the simulated GPIO chip is gone.");
        }
    }

    private void CheckPin(int pinNumber)
    {
        if ((uint)pinNumber >= (uint)_pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated chip has pins 0 to {_pinCount - 1}.");
        }
    }
}
