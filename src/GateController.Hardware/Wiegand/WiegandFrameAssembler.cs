namespace GateController.Hardware.Wiegand;

/// <summary>
/// Collects timestamped D0/D1 pulses into frames. A frame ends when no pulse has come for the frame
/// gap (default 25 ms: a reader sends a bit every 2 ms or so, and the SIA/HID Wiegand timing allows
/// intervals up to 20 ms). Pure: it sees timestamps, never a clock, so tests feed it any timing.
/// Not thread-safe; the listener serialises calls.
/// </summary>
public sealed class WiegandFrameAssembler
{
    private readonly long _frameGapTicks;
    private readonly long _minimumPulseIntervalTicks;
    private ulong _bits;
    private int _bitCount;
    private bool _noisy;
    private long _firstEdge;
    private long _lastEdge;

    /// <param name="frameGap">Silence that ends a frame.</param>
    /// <param name="minimumPulseInterval">Pulses closer than this mark the frame as noise; zero turns the check off.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public WiegandFrameAssembler(TimeSpan frameGap, TimeSpan minimumPulseInterval, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frameGap, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPulseInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minimumPulseInterval, frameGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, 1);
        _frameGapTicks = ToTicks(frameGap, timestampFrequency);
        _minimumPulseIntervalTicks = ToTicks(minimumPulseInterval, timestampFrequency);
    }

    /// <summary>True while a frame has started and its gap has not yet been seen.</summary>
    public bool HasPendingFrame => _bitCount > 0;

    /// <summary>Pulses in the pending frame so far.</summary>
    public int PendingBitCount => _bitCount;

    /// <summary>Timestamp at which the pending frame ends if no pulse comes.</summary>
    public long PendingFrameEndsAt => _lastEdge + _frameGapTicks;

    /// <summary>
    /// Adds one pulse (a falling edge on D0 or D1). When the gap before it ended the previous frame,
    /// that frame is returned in <paramref name="completed"/>.
    /// </summary>
    /// <param name="line">Which line pulsed.</param>
    /// <param name="timestamp">When, in timestamp ticks.</param>
    /// <param name="otherLineLow">The other line was low at the same moment: no reader does that, so it is noise.</param>
    /// <param name="completed">The frame this pulse ended, if any.</param>
    public bool AddPulse(WiegandLine line, long timestamp, bool otherLineLow, out WiegandFrame completed)
    {
        var ended = TryCompleteFrame(timestamp, out completed);
        if (_bitCount == 0)
        {
            _firstEdge = timestamp;
            _bits = 0;
            _noisy = false;
        }
        else if (timestamp - _lastEdge < _minimumPulseIntervalTicks)
        {
            _noisy = true;
        }

        _noisy |= otherLineLow;
        // Past 64 bits the frame can only be rejected; keep counting so the log says how long it was.
        _bits = (_bits << 1) | (line == WiegandLine.Data1 ? 1UL : 0UL);
        _bitCount = _bitCount == int.MaxValue ? _bitCount : _bitCount + 1;
        _lastEdge = timestamp;
        return ended;
    }

    /// <summary>Ends the pending frame when <paramref name="now"/> is at least one gap after its last pulse.</summary>
    public bool TryCompleteFrame(long now, out WiegandFrame frame)
    {
        if (_bitCount == 0 || now - _lastEdge < _frameGapTicks)
        {
            frame = default;
            return false;
        }

        frame = new WiegandFrame(_bits, _bitCount, _noisy, _firstEdge, _lastEdge);
        _bitCount = 0;
        _bits = 0;
        return true;
    }

    /// <summary>
    /// Ends the pending frame now, without waiting for the gap: for keypad-only readers, whose every
    /// frame has one known length, so a key costs no gap.
    /// </summary>
    public bool TryCompleteFrameNow(out WiegandFrame frame) => TryCompleteFrame(_lastEdge + _frameGapTicks, out frame);

    private static long ToTicks(TimeSpan duration, long frequency) => (long)Math.Ceiling(duration.TotalSeconds * frequency);
}
