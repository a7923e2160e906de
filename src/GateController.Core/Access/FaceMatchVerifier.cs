using GateController.Core.FaceTracking;
using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

/// <summary>
/// Turns a face track's decision into a verdict. The threshold and margin are not applied here: the tracker applied
/// them to every frame (<see cref="FaceFrameClassifier"/>, the one place), and a k-of-n decision cannot be re-checked
/// from one similarity. A single photo (admin <c>identify</c>) goes through the same classifier.
/// </summary>
public sealed class FaceMatchVerifier(IOptionsMonitor<FaceDecisionOptions> options, IOptionsMonitor<FaceTrackingOptions> tracking) : ICredentialVerifier
{
    public AccessMethod Method => AccessMethod.Face;

    public AccessVerdict Verify(AccessAttempt attempt) => attempt.Credential switch
    {
        FaceTrackCredential track => Verify(track.Decision),
        FaceMatchCredential photo => Verify(photo),
        _ => throw new ArgumentException($"Expected a face credential, got {attempt.Credential.GetType().Name}.", nameof(attempt)),
    };

    private static AccessVerdict Verify(FaceTrackDecision decision) => decision.Outcome switch
    {
        FaceTrackOutcome.Granted when decision.PersonId is { } person =>
            AccessVerdict.Grant(person, $"face match, {decision.MatchingFrames} of {decision.WindowFrames} frames"),
        FaceTrackOutcome.Unknown => new AccessVerdict(AccessResult.Unknown, null, $"no enrolled face in {decision.WindowFrames} frames"),
        FaceTrackOutcome.Spoof => new AccessVerdict(AccessResult.Spoof, decision.PersonId, $"liveness {decision.LivenessBucket}"),
        _ => AccessVerdict.Reject("a face grant without a person"),
    };

    private AccessVerdict Verify(FaceMatchCredential photo)
    {
        if (float.IsNaN(photo.Similarity))
        {
            return AccessVerdict.Reject("similarity is not a number");
        }

        var evidence = new FaceFrameEvidence(0, 0, default, photo.PersonId, photo.Similarity, photo.SecondSimilarity);
        return FaceFrameClassifier.Classify(evidence, options.CurrentValue.MatchThreshold, tracking.CurrentValue.Margin) switch
        {
            FaceFrameVote.Match => AccessVerdict.Grant(photo.PersonId!, "face match"),
            FaceFrameVote.Ambiguous => AccessVerdict.Deny(null, "too close to two enrolled persons"),
            _ when photo.PersonId is null => AccessVerdict.Deny(null, "no enrolled face"),
            _ => AccessVerdict.Deny(null, "below match threshold"),
        };
    }
}
