namespace GateController.Vision.Motion;

/// <summary>
/// Decides per frame whether the face detector runs: when enough thumbnail cells differ from a slowly updated
/// background, for <see cref="MotionOptions.HoldAfterMotion"/> after that, and once per
/// <see cref="MotionOptions.KeepAliveInterval"/> regardless. The first frame always runs (there is no background
/// yet). Time comes from the caller's timestamps (<see cref="TimeProvider.GetTimestamp"/>). Allocates nothing per
/// frame; one thread only.
/// </summary>
public sealed class MotionGate(MotionOptions options, TimeProvider time)
{
    private readonly float[] _thumbnail = new float[GreyThumbnail.Cells];
    private readonly float[] _background = new float[GreyThumbnail.Cells];
    private bool _hasBackground;
    private bool _movedOnce;
    private long _lastMotion;
    private long _lastAnalysed;

    /// <summary>Frames the gate let through to the detector.</summary>
    public long FramesPassed { get; private set; }

    /// <summary>Frames skipped because nothing moved.</summary>
    public long FramesGated { get; private set; }

    /// <summary>Changed cells in the last frame looked at (for tests and tuning).</summary>
    public int LastChangedCells { get; private set; }

    /// <summary>The largest cell difference from the background in the last frame, in grey levels (for tuning).</summary>
    public float LastLargestDifference { get; private set; }

    /// <returns>true when the frame should be analysed.</returns>
    public bool ShouldAnalyse(Imaging.FaceImage frame, long timestamp)
    {
        if (!options.Enabled)
        {
            FramesPassed++;
            return true;
        }

        GreyThumbnail.Fill(frame, _thumbnail);
        var first = !_hasBackground;
        if (first)
        {
            // The first frame is analysed (there is nothing to compare it with) and becomes the background.
            _thumbnail.CopyTo(_background, 0);
            _hasBackground = true;
        }
        else if (CompareAndAdapt() >= options.MinimumChangedCells)
        {
            _lastMotion = timestamp;
            _movedOnce = true;
        }

        var analyse = first
            || (_movedOnce && time.GetElapsedTime(_lastMotion, timestamp) <= options.HoldAfterMotion)
            || time.GetElapsedTime(_lastAnalysed, timestamp) >= options.KeepAliveInterval;
        if (analyse)
        {
            _lastAnalysed = timestamp;
            FramesPassed++;
        }
        else
        {
            FramesGated++;
        }

        return analyse;
    }

    /// <summary>Counts cells past the threshold and moves the background a step towards this frame.</summary>
    private int CompareAndAdapt()
    {
        var threshold = (float)options.CellThreshold;
        var rate = (float)options.BackgroundAdaptation;
        var changed = 0;
        var largest = 0f;
        for (var i = 0; i < _thumbnail.Length; i++)
        {
            var difference = _thumbnail[i] - _background[i];
            var size = MathF.Abs(difference);
            largest = MathF.Max(largest, size);
            if (size > threshold)
            {
                changed++;
            }

            _background[i] += rate * difference;
        }

        LastChangedCells = changed;
        LastLargestDifference = largest;
        return changed;
    }
}
