namespace GateController.Core.FaceTracking;

/// <summary>
/// What one camera frame says about one face: where it is and, when the face was good enough to embed, whom it
/// matched best and how live it looked. It never holds the embedding.
/// </summary>
/// <param name="FrameSequence">The camera's frame number: each frame counts once per track.</param>
/// <param name="Timestamp"><see cref="TimeProvider.GetTimestamp"/> at capture.</param>
/// <param name="PersonId">The best-matching enrolled person, or null when none is enrolled or nothing was embedded.</param>
/// <param name="Similarity">Cosine similarity to <paramref name="PersonId"/>.</param>
/// <param name="SecondSimilarity">Cosine similarity to the second-best distinct person (−1 when there is none).</param>
/// <param name="IsEvidence">False when the face failed the quality checks or was not embedded: it moves the track but counts for nothing.</param>
/// <param name="IsLive">Whether the liveness check passed (or was not required).</param>
/// <param name="LivenessScore">The liveness score, 0..1; NaN when liveness did not run.</param>
public readonly record struct FaceFrameEvidence(
    long FrameSequence,
    long Timestamp,
    FaceBox Box,
    string? PersonId,
    float Similarity,
    float SecondSimilarity,
    bool IsEvidence = true,
    bool IsLive = true,
    float LivenessScore = float.NaN);
