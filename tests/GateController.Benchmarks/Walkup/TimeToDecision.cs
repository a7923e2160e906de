using System.Diagnostics;
using GateController.Core.FaceTracking;

namespace GateController.Benchmarks.Walkup;

/// <summary>
/// Time to decision for each grant: from the first frame of the granted face's run of observations (boxes that
/// overlap frame to frame, as the tracker follows them) in which the face is at least 60 px wide, to the grant.
/// </summary>
internal static class TimeToDecision
{
    /// <summary>MODELS.md's guidance for a usable face, and the starting line.</summary>
    public const float StartWidth = 60;

    public static List<(double Frames, double Milliseconds)> Of(
        List<(long Sequence, long Captured, FaceBox Box)> observations,
        List<(long Sequence, long Decided, string Person)> grants,
        int timeoutFrames)
    {
        List<(double, double)> times = [];
        foreach (var grant in grants)
        {
            var at = observations.FindIndex(o => o.Sequence == grant.Sequence);
            if (at < 0)
            {
                continue;
            }

            var first = at;
            for (var i = at - 1; i >= 0; i--)
            {
                var (later, earlier) = (observations[i + 1], observations[i]);
                if (later.Sequence - earlier.Sequence > timeoutFrames || earlier.Box.IntersectionOverUnion(later.Box) < FaceTracker.MinimumOverlap)
                {
                    break;
                }

                if (earlier.Box.Width >= StartWidth)
                {
                    first = i;
                }
            }

            var start = observations[first];
            // A grant on a face still under 60 px took no time after it reached 60: counted as 0, not negative.
            var frames = start.Box.Width >= StartWidth ? grant.Sequence - start.Sequence + 1 : 0;
            var milliseconds = start.Box.Width >= StartWidth ? Stopwatch.GetElapsedTime(start.Captured, grant.Decided).TotalMilliseconds : 0;
            times.Add((frames, milliseconds));
        }

        return times;
    }
}
