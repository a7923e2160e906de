namespace GateController.Core.Inputs;

/// <summary>
/// Debounces a set of contact inputs: an input's new state counts only after it has read the same for
/// the whole debounce time. The one debouncer of the product: the matrix keypad feeds it every scan, the
/// door inputs (contact, exit, fire, tamper) feed it on each edge and once more when the debounce time
/// has passed. Membrane and dome keys bounce for 5-10 ms on make and break; door contacts and
/// push buttons bounce for up to 20-30 ms. Pure (time from <see cref="TimeProvider"/>); not thread-safe.
/// </summary>
public sealed class InputDebouncer
{
    private readonly TimeSpan _debounceDuration;
    private readonly TimeProvider _time;
    private readonly bool[] _raw;
    private readonly long[] _rawSince;
    private readonly bool[] _stable;

    public InputDebouncer(int inputCount, TimeSpan debounceDuration, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounceDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _debounceDuration = debounceDuration;
        _time = time;
        _raw = new bool[inputCount];
        _rawSince = new long[inputCount];
        _stable = new bool[inputCount];
    }

    public TimeSpan DebounceDuration => _debounceDuration;

    /// <summary>The debounced state of <paramref name="input"/>.</summary>
    public bool IsPressed(int input) => _stable[input];

    /// <summary>True while <paramref name="input"/> reads other than its debounced state: a change is still settling.</summary>
    public bool IsSettling(int input) => _raw[input] != _stable[input];

    /// <summary>Sets the debounced state without waiting, for the level an input reads when it is opened.</summary>
    public void Reset(int input, bool active)
    {
        _raw[input] = active;
        _stable[input] = active;
        _rawSince[input] = _time.GetTimestamp();
    }

    /// <summary>Feeds one reading of <paramref name="input"/>.</summary>
    /// <param name="input">Index of the input.</param>
    /// <param name="pressed">What the input reads now (true = active).</param>
    /// <param name="changedAt">When the debounced change began: the first reading of the new state, so
    /// latency is measured from the finger, not from the end of the debounce time.</param>
    /// <returns>True when the debounced state changed with this reading.</returns>
    public bool Update(int input, bool pressed, out long changedAt)
    {
        var now = _time.GetTimestamp();
        if (pressed != _raw[input])
        {
            _raw[input] = pressed;
            _rawSince[input] = now;
        }

        changedAt = _rawSince[input];
        if (_raw[input] == _stable[input] || _time.GetElapsedTime(_rawSince[input], now) < _debounceDuration)
        {
            return false;
        }

        _stable[input] = _raw[input];
        return true;
    }
}
