using System.Security.Cryptography;
using System.Runtime.InteropServices;
using GateController.Core.Access;

namespace GateController.Core.Credentials;

/// <summary>
/// The keypad state machine for one keypad: digits accumulate, '*' clears, '#' submits, and digits
/// older than the inter-key timeout are dropped. Pure: time comes from <see cref="TimeProvider"/>
/// and keys from the caller (matrix, Wiegand or evdev keypad), so every keypad kind shares it.
/// Not thread-safe: each keypad's reader loop owns its own instance.
/// </summary>
public sealed class PinEntry
{
    private readonly PinEntryOptions _options;
    private readonly TimeProvider _time;
    private readonly char[] _digits;
    private int _count;
    private long _lastKeyTimestamp;

    public PinEntry(PinEntryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.MinimumDigits > options.MaximumDigits)
        {
            throw new ArgumentException(
                $"Keypad MinimumDigits ({options.MinimumDigits}) must not exceed MaximumDigits ({options.MaximumDigits}).", nameof(options));
        }

        _options = options;
        _time = time;
        _digits = new char[options.MaximumDigits];
    }

    /// <summary>Digits typed so far in the current entry.</summary>
    public int DigitCount => _count;

    public PinKeyResult Press(char key)
    {
        var discarded = ExpireIfIdle();
        _lastKeyTimestamp = _time.GetTimestamp();
        switch (key)
        {
            case >= '0' and <= '9' when _count == _options.MaximumDigits:
                Reset();
                return new PinKeyResult(PinKeyOutcome.TooLong, null, discarded);
            case >= '0' and <= '9':
                _digits[_count++] = key;
                return new PinKeyResult(PinKeyOutcome.DigitAccepted, null, discarded);
            case '*':
                Reset();
                return new PinKeyResult(PinKeyOutcome.Cleared, null, discarded);
            case '#' when _count < _options.MinimumDigits:
                Reset();
                return new PinKeyResult(PinKeyOutcome.TooShort, null, discarded);
            case '#':
                var pin = new PinCredential(_digits.AsSpan(0, _count));
                Reset();
                return new PinKeyResult(PinKeyOutcome.Submitted, pin, discarded);
            default:
                return new PinKeyResult(PinKeyOutcome.Ignored, null, discarded);
        }
    }

    /// <summary>
    /// Drops the digits when the last key is older than the inter-key timeout. <see cref="Press"/> calls it;
    /// a keypad loop may also call it on a timer so typed digits do not stay in memory.
    /// </summary>
    /// <returns>True when digits were dropped.</returns>
    public bool ExpireIfIdle()
    {
        if (_count == 0 || _time.GetElapsedTime(_lastKeyTimestamp) <= _options.InterKeyTimeout)
        {
            return false;
        }

        Reset();
        return true;
    }

    private void Reset()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_digits.AsSpan()));
        _count = 0;
    }
}
