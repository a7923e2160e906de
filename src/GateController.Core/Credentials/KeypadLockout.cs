using Microsoft.Extensions.Options;

namespace GateController.Core.Credentials;

/// <summary>
/// Counts wrong PINs per keypad in a sliding window and locks that keypad alone once the count is
/// reached. Card readers never consult it, so a locked keypad never stops a card. Thread-safe.
/// </summary>
public sealed class KeypadLockout(IOptions<KeypadLockoutOptions> options, TimeProvider time)
{
    private readonly KeypadLockoutOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeypadState> _keypads = new(StringComparer.Ordinal);

    /// <summary>True while <paramref name="keypadId"/> is locked; <paramref name="remaining"/> says for how long.</summary>
    public bool IsLockedOut(string keypadId, out TimeSpan remaining)
    {
        ArgumentNullException.ThrowIfNull(keypadId);
        lock (_gate)
        {
            remaining = TimeSpan.Zero;
            if (!_keypads.TryGetValue(keypadId, out var state) || state.LockedAtTimestamp is not { } lockedAt)
            {
                return false;
            }

            var elapsed = time.GetElapsedTime(lockedAt);
            if (elapsed >= _options.LockoutDuration)
            {
                state.LockedAtTimestamp = null;
                state.Failures.Clear();
                return false;
            }

            remaining = _options.LockoutDuration - elapsed;
            return true;
        }
    }

    /// <summary>Records a wrong PIN. Returns true when this failure locks the keypad.</summary>
    public bool RecordFailure(string keypadId)
    {
        ArgumentNullException.ThrowIfNull(keypadId);
        lock (_gate)
        {
            if (!_keypads.TryGetValue(keypadId, out var state))
            {
                state = new KeypadState();
                _keypads.Add(keypadId, state);
            }

            if (state.LockedAtTimestamp is not null)
            {
                return false;
            }

            var now = time.GetTimestamp();
            while (state.Failures.Count > 0 && time.GetElapsedTime(state.Failures.Peek(), now) > _options.FailureWindow)
            {
                state.Failures.Dequeue();
            }

            state.Failures.Enqueue(now);
            if (state.Failures.Count < _options.MaximumFailures)
            {
                return false;
            }

            state.LockedAtTimestamp = now;
            state.Failures.Clear();
            return true;
        }
    }

    /// <summary>A right PIN forgives the earlier misses at this keypad.</summary>
    public void RecordSuccess(string keypadId)
    {
        ArgumentNullException.ThrowIfNull(keypadId);
        lock (_gate)
        {
            if (_keypads.TryGetValue(keypadId, out var state))
            {
                state.Failures.Clear();
            }
        }
    }

    private sealed class KeypadState
    {
        public Queue<long> Failures { get; } = new();

        public long? LockedAtTimestamp { get; set; }
    }
}
