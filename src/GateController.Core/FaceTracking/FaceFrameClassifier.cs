namespace GateController.Core.FaceTracking;

/// <summary>
/// The one place where the match threshold and the margin are applied. Every camera frame is classified here before
/// it votes in its track, and the verifier only checks the track's verdict: a multi-frame decision cannot be
/// re-checked from one similarity, and two places holding the threshold could disagree (one reloaded, the other not).
/// </summary>
public static class FaceFrameClassifier
{
    public static FaceFrameVote Classify(in FaceFrameEvidence evidence, float matchThreshold, float margin)
    {
        if (!evidence.IsEvidence || float.IsNaN(evidence.Similarity))
        {
            return FaceFrameVote.NoEvidence;
        }

        if (evidence.PersonId is null || evidence.Similarity < matchThreshold)
        {
            return FaceFrameVote.BelowThreshold;
        }

        // SecondSimilarity is the best of the other persons: a face this close to two residents names neither.
        if (evidence.Similarity - evidence.SecondSimilarity < margin)
        {
            return FaceFrameVote.Ambiguous;
        }

        return evidence.IsLive ? FaceFrameVote.Match : FaceFrameVote.NotLive;
    }
}
