namespace GateController.Vision.Detection;

/// <summary>Greedy NMS: keep the best-scoring box, drop every later box overlapping it by more than the IoU limit.</summary>
internal static class NonMaximumSuppression
{
    /// <summary>Sorts <paramref name="candidates"/> by score (ties by position, for determinism) and returns the survivors.</summary>
    public static List<DetectedFace> Apply(List<DetectedFace> candidates, float iouThreshold, int topK)
    {
        var kept = new List<DetectedFace>();
        Apply(candidates, iouThreshold, topK, kept);
        return kept;
    }

    /// <summary>
    /// As <see cref="Apply(List{DetectedFace}, float, int)"/>, writing the survivors into <paramref name="kept"/>
    /// (cleared first), so a detector can reuse one list per frame.
    /// </summary>
    public static void Apply(List<DetectedFace> candidates, float iouThreshold, int topK, List<DetectedFace> kept)
    {
        kept.Clear();
        candidates.Sort(ByScoreThenPosition);
        if (candidates.Count > topK)
        {
            candidates.RemoveRange(topK, candidates.Count - topK);
        }

        foreach (var candidate in candidates)
        {
            var overlaps = false;
            foreach (var keeper in kept)
            {
                if (IntersectionOverUnion(candidate, keeper) > iouThreshold)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(candidate);
            }
        }
    }

    private static int ByScoreThenPosition(DetectedFace a, DetectedFace b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : (a.Y, a.X).CompareTo((b.Y, b.X));
    }

    public static float IntersectionOverUnion(in DetectedFace a, in DetectedFace b)
    {
        var left = MathF.Max(a.X, b.X);
        var top = MathF.Max(a.Y, b.Y);
        var right = MathF.Min(a.X + a.Width, b.X + b.Width);
        var bottom = MathF.Min(a.Y + a.Height, b.Y + b.Height);
        var intersection = MathF.Max(0, right - left) * MathF.Max(0, bottom - top);
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
