namespace GateController.Core.FaceTracking;

/// <summary>
/// One face followed across frames: its last box, the votes of its last n frames of evidence (a ring buffer
/// allocated once) and what it saw over its whole life. Reused for the next face once it ends.
/// </summary>
public sealed class FaceTrack
{
    private readonly Vote[] _window = new Vote[FaceTrackingOptions.MaximumWindowFrames];
    private int _next;
    private int _count;

    public long Id { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Granted, or a grant was held back by the cooldown: this track never triggers the relay again.</summary>
    public bool IsDecided { get; private set; }

    public FaceBox Box { get; private set; }

    /// <summary>When the daemon last saw it (its own clock), for the timeout.</summary>
    public long LastSeenTimestamp { get; private set; }

    /// <summary>Capture time of its last frame (the worker's clock), from which an end decision's latency counts.</summary>
    public long LastCapturedTimestamp { get; private set; }

    public long LastFrameSequence { get; private set; }

    public int EvidenceFrames { get; private set; }

    /// <summary>Frames at or above the threshold, whatever the margin or liveness said: such a track is no stranger.</summary>
    public int AboveThresholdFrames { get; private set; }

    public float BestSimilarity { get; private set; }

    public int NotLiveFrames { get; private set; }

    public float NotLiveScoreMean => _notLiveScored > 0 ? (float)(_notLiveScoreSum / _notLiveScored) : float.NaN;

    public string? NotLivePerson { get; private set; }

    private double _notLiveScoreSum;
    private int _notLiveScored;

    internal void Start(long id, in FaceFrameEvidence evidence, long now)
    {
        Id = id;
        IsActive = true;
        IsDecided = false;
        _next = _count = 0;
        EvidenceFrames = AboveThresholdFrames = NotLiveFrames = _notLiveScored = 0;
        _notLiveScoreSum = 0;
        NotLivePerson = null;
        BestSimilarity = float.NegativeInfinity;
        Move(evidence, now);
    }

    internal void End() => IsActive = false;

    internal void MarkDecided() => IsDecided = true;

    internal void Move(in FaceFrameEvidence evidence, long now)
    {
        Box = evidence.Box;
        LastSeenTimestamp = now;
        LastCapturedTimestamp = evidence.Timestamp;
        LastFrameSequence = evidence.FrameSequence;
    }

    /// <summary>Adds one frame's vote to the window (of <paramref name="windowFrames"/>) and to the life counts.</summary>
    internal void Record(in FaceFrameEvidence evidence, FaceFrameVote vote, int windowFrames)
    {
        if (vote == FaceFrameVote.NoEvidence)
        {
            return;
        }

        EvidenceFrames++;
        BestSimilarity = MathF.Max(BestSimilarity, evidence.Similarity);
        if (vote != FaceFrameVote.BelowThreshold)
        {
            AboveThresholdFrames++;
        }

        if (vote == FaceFrameVote.NotLive)
        {
            NotLiveFrames++;
            NotLivePerson = evidence.PersonId;
            if (!float.IsNaN(evidence.LivenessScore))
            {
                _notLiveScoreSum += evidence.LivenessScore;
                _notLiveScored++;
            }
        }

        _window[_next] = new Vote(vote, evidence.PersonId, evidence.Similarity, evidence.Similarity - evidence.SecondSimilarity);
        _next = (_next + 1) % windowFrames;
        _count = Math.Min(_count + 1, windowFrames);
    }

    /// <summary>How many of the window's frames are live, clear matches of <paramref name="personId"/>, their mean similarity and smallest margin.</summary>
    internal (int Matching, int Window, float MeanSimilarity, float SmallestMargin) CountMatches(string personId)
    {
        int matching = 0;
        float sum = 0, smallest = float.PositiveInfinity;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var vote = ref _window[i];
            if (vote.Kind == FaceFrameVote.Match && string.Equals(vote.PersonId, personId, StringComparison.Ordinal))
            {
                matching++;
                sum += vote.Similarity;
                smallest = MathF.Min(smallest, vote.Margin);
            }
        }

        return (matching, _count, matching > 0 ? sum / matching : float.NaN, smallest);
    }

    private readonly record struct Vote(FaceFrameVote Kind, string? PersonId, float Similarity, float Margin);
}
