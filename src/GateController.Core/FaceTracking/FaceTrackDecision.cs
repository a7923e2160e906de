namespace GateController.Core.FaceTracking;

/// <summary>
/// One track's decision, for the engine. Holds no biometric data: similarities and counts only.
/// </summary>
/// <param name="PersonId">The matched person (for a spoof, the one the attack looked like); null for an unknown.</param>
/// <param name="Similarity">Mean similarity of the frames that decided (the best one seen for an unknown).</param>
/// <param name="Margin">Smallest margin over the second-best person among the deciding frames.</param>
/// <param name="MatchingFrames">Frames that decided it (matching, not live, or below threshold).</param>
/// <param name="WindowFrames">Frames of evidence they were counted over.</param>
/// <param name="LivenessScore">Mean liveness score of the frames that failed it (spoof); NaN otherwise.</param>
/// <param name="PresentedTimestamp">Capture time of the frame that decided it (a grant) or of the track's last frame.</param>
public readonly record struct FaceTrackDecision(
    long TrackId,
    FaceTrackOutcome Outcome,
    string? PersonId,
    float Similarity,
    float Margin,
    int MatchingFrames,
    int WindowFrames,
    float LivenessScore,
    long PresentedTimestamp)
{
    /// <summary>The liveness score as a tenth-wide bucket (<c>0.2-0.3</c>): enough to tune the threshold, too coarse to profile anyone.</summary>
    public string LivenessBucket => FormatBucket(LivenessScore);

    public static string FormatBucket(float score)
    {
        if (float.IsNaN(score))
        {
            return "not run";
        }

        var tenth = Math.Clamp((int)MathF.Floor(score * 10), 0, 9);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{tenth / 10.0:0.0}-{(tenth + 1) / 10.0:0.0}");
    }
}
