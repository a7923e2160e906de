using GateController.Core.Access;

namespace GateController.Core.Credentials;

/// <summary>Grants an enrolled card. Needs nothing from the camera or models, so it works when they are down.</summary>
public sealed class CardVerifier(ICredentialDirectory directory) : ICredentialVerifier
{
    public AccessMethod Method => AccessMethod.Card;

    public AccessVerdict Verify(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Credential is not CardCredential card)
        {
            throw new ArgumentException($"Expected a card credential, got {attempt.Credential.GetType().Name}.", nameof(attempt));
        }

        return directory.TryFindCardHolder(card.Card, out var personId)
            ? AccessVerdict.Grant(personId, "card")
            : AccessVerdict.Deny(null, "unknown card");
    }
}
