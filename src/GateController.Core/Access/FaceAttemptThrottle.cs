namespace GateController.Core.Access;

/// <summary>
/// One decision per approach instead of one per frame: a face that would be granted is decided again
/// only after <c>interval</c> for the same person, and unrecognised faces produce at most one denial
/// per interval. A pending grant is never held back by a denial, because they are counted apart.
/// </summary>
public sealed class FaceAttemptThrottle(TimeProvider time, TimeSpan interval)
{
    private const string UnrecognisedKey = "\0unrecognised";
    private readonly Dictionary<string, long> _lastSubmitted = new(StringComparer.Ordinal);

    /// <summary>
    /// True when a face with this best match should go to the decision engine now; records it if so. Takes the
    /// match's person and similarity, so the camera loop asks before it builds a credential: a throttled frame
    /// (the common case while someone stands there) allocates nothing.
    /// </summary>
    public bool ShouldSubmit(string? personId, float similarity, float matchThreshold)
    {
        var wouldGrant = personId is not null && similarity >= matchThreshold;
        var key = wouldGrant ? personId! : UnrecognisedKey;
        var now = time.GetTimestamp();
        if (_lastSubmitted.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < interval)
        {
            return false;
        }

        _lastSubmitted[key] = now;
        if (_lastSubmitted.Count > 1024)
        {
            Prune(now);
        }

        return true;
    }

    private void Prune(long now)
    {
        foreach (var (key, last) in _lastSubmitted.ToList())
        {
            if (time.GetElapsedTime(last, now) >= interval)
            {
                _lastSubmitted.Remove(key);
            }
        }
    }
}
