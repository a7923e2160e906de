using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

/// <summary>Grants when the best match reaches the calibrated threshold (see README, "Calibration").</summary>
public sealed class FaceMatchVerifier(IOptionsMonitor<FaceDecisionOptions> options) : ICredentialVerifier
{
    public AccessMethod Method => AccessMethod.Face;

    public AccessVerdict Verify(AccessAttempt attempt)
    {
        if (attempt.Credential is not FaceMatchCredential face)
        {
            throw new ArgumentException($"Expected a face credential, got {attempt.Credential.GetType().Name}.", nameof(attempt));
        }

        if (face.PersonId is null)
        {
            return AccessVerdict.Deny(null, "no enrolled face");
        }

        if (float.IsNaN(face.Similarity))
        {
            return AccessVerdict.Reject("similarity is not a number");
        }

        var threshold = options.CurrentValue.MatchThreshold;
        return face.Similarity >= threshold
            ? AccessVerdict.Grant(face.PersonId, "face match")
            : AccessVerdict.Deny(null, "below match threshold");
    }
}
