namespace GateController.Hardware.Wiegand;

/// <summary>Lets one log line through per interval and counts the rest, so the next line can say how many were held back.</summary>
public sealed class RejectionLogLimiter(TimeSpan interval, TimeProvider time)
{
    private long _lastLoggedTimestamp;
    private bool _hasLogged;
    private int _suppressed;

    /// <summary>True when the caller may log now; <paramref name="suppressedSinceLast"/> is how many were dropped before it.</summary>
    public bool TryAcquire(out int suppressedSinceLast)
    {
        var now = time.GetTimestamp();
        if (_hasLogged && time.GetElapsedTime(_lastLoggedTimestamp, now) < interval)
        {
            _suppressed++;
            suppressedSinceLast = 0;
            return false;
        }

        suppressedSinceLast = _suppressed;
        _suppressed = 0;
        _hasLogged = true;
        _lastLoggedTimestamp = now;
        return true;
    }
}
