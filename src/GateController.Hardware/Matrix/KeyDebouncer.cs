namespace GateController.Hardware.Matrix;

/// <summary>
/// Debounces a set of keys read by polling: a key's new state counts only after it has read the same
/// for the whole debounce time. Contacts of membrane and dome keypads bounce for 5-10 ms on make and
/// break, hence a 20 ms default. Pure (time from <see cref="TimeProvider"/>); not thread-safe.
/// </summary>
public sealed class KeyDebouncer
{
    private readonly TimeSpan _debounceDuration;
    private readonly TimeProvider _time;
    private readonly bool[] _raw;
    private readonly long[] _rawSince;
    private readonly bool[] _stable;

    public KeyDebouncer(int keyCount, TimeSpan debounceDuration, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounceDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _debounceDuration = debounceDuration;
        _time = time;
        _raw = new bool[keyCount];
        _rawSince = new long[keyCount];
        _stable = new bool[keyCount];
    }

    /// <summary>The debounced state of <paramref name="key"/>.</summary>
    public bool IsPressed(int key) => _stable[key];

    /// <summary>Feeds one reading of <paramref name="key"/>.</summary>
    /// <param name="key">Index of the key.</param>
    /// <param name="pressed">What the key reads now.</param>
    /// <param name="changedAt">When the debounced change began: the first reading of the new state, so
    /// latency is measured from the finger, not from the end of the debounce time.</param>
    /// <returns>True when the debounced state changed with this reading.</returns>
    public bool Update(int key, bool pressed, out long changedAt)
    {
        var now = _time.GetTimestamp();
        if (pressed != _raw[key])
        {
            _raw[key] = pressed;
            _rawSince[key] = now;
        }

        changedAt = _rawSince[key];
        if (_raw[key] == _stable[key] || _time.GetElapsedTime(_rawSince[key], now) < _debounceDuration)
        {
            return false;
        }

        _stable[key] = _raw[key];
        return true;
    }
}
