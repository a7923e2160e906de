using GateController.Core.Access;
using GateController.Core.Pseudonyms;
using Microsoft.Extensions.Logging;

namespace GateController.Core.Credentials;

/// <summary>
/// Checks a typed PIN against the directory, honouring the per-keypad lockout. A duress PIN grants
/// exactly like the normal PIN (same result, same reason in the event stream, same relay pulse) and
/// raises a silent alert, so whoever is forcing the resident sees nothing unusual.
/// The PIN is cleared once checked.
/// </summary>
public sealed class PinVerifier(
    ICredentialDirectory directory,
    KeypadLockout lockout,
    IDuressAlarm duressAlarm,
    IPersonPseudonyms pseudonyms,
    TimeProvider time,
    ILogger<PinVerifier> logger) : ICredentialVerifier
{
    public AccessMethod Method => AccessMethod.Pin;

    public AccessVerdict Verify(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Credential is not PinCredential pin)
        {
            throw new ArgumentException($"Expected a PIN credential, got {attempt.Credential.GetType().Name}.", nameof(attempt));
        }

        try
        {
            return Verify(attempt.ReaderId, pin);
        }
        finally
        {
            pin.Clear();
        }
    }

    private AccessVerdict Verify(string keypadId, PinCredential pin)
    {
        if (lockout.IsLockedOut(keypadId, out var remaining))
        {
            Log.PinRefusedWhileLockedOut(logger, keypadId, remaining.TotalSeconds);
            return new AccessVerdict(AccessResult.LockedOut, null, "keypad locked out");
        }

        if (pin.IsCleared)
        {
            return AccessVerdict.Reject("empty pin");
        }

        var match = directory.MatchPin(pin.Digits);
        if (!match.IsMatch)
        {
            if (lockout.RecordFailure(keypadId))
            {
                Log.KeypadLockedOut(logger, keypadId);
            }

            return AccessVerdict.Deny(null, "wrong pin");
        }

        lockout.RecordSuccess(keypadId);
        if (match.IsDuress)
        {
            Log.DuressPinUsed(logger, keypadId, pseudonyms.Of(match.PersonId!));
            duressAlarm.Raise(new DuressAlert(match.PersonId!, keypadId, time.GetUtcNow()));
        }

        return AccessVerdict.Grant(match.PersonId!, "pin");
    }
}
