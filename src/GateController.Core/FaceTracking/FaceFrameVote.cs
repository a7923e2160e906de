namespace GateController.Core.FaceTracking;

/// <summary>What one frame votes for within its track.</summary>
public enum FaceFrameVote
{
    /// <summary>Poor quality or not embedded: not counted at all.</summary>
    NoEvidence,

    /// <summary>No enrolled person reaches the match threshold.</summary>
    BelowThreshold,

    /// <summary>The best person reaches the threshold but the second-best person is within the margin.</summary>
    Ambiguous,

    /// <summary>A clear match of one person that failed liveness: never counts towards a grant.</summary>
    NotLive,

    /// <summary>A clear, live match of one person.</summary>
    Match,
}
