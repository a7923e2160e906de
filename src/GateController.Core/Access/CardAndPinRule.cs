using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

/// <summary>
/// Card plus PIN in the scheduled hours: a granted card is held (denied, "PIN required") until the
/// same person's PIN is typed at the keypad paired with that reader within the timeout; a PIN alone
/// is denied. Outside the hours, and for face, every credential stands alone. Decision-thread only.
/// </summary>
/// <param name="options">Mode, schedule and timeout.</param>
/// <param name="keypadReaders">Which card reader each keypad belongs to; a keypad not listed pairs with the reader of the same id.</param>
/// <param name="time">Local time for the schedule, timestamps for the timeout.</param>
public sealed class CardAndPinRule(IOptionsMonitor<AccessModeOptions> options, IReadOnlyDictionary<string, string> keypadReaders, TimeProvider time) : IAccessRule
{
    private readonly Dictionary<string, (string PersonId, long Timestamp)> _cardsAwaitingPin = new(StringComparer.Ordinal);

    public AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var current = options.CurrentValue;
        if (verdict.Result != AccessResult.Granted || attempt.Method == AccessMethod.Face || !current.RequiresCardAndPin(time.GetLocalNow()))
        {
            return verdict;
        }

        var now = time.GetTimestamp();
        if (attempt.Method == AccessMethod.Card)
        {
            _cardsAwaitingPin[attempt.ReaderId] = (verdict.PersonId!, now);
            return AccessVerdict.Deny(verdict.PersonId, "card accepted, PIN required");
        }

        var reader = keypadReaders.GetValueOrDefault(attempt.ReaderId, attempt.ReaderId);
        if (_cardsAwaitingPin.Remove(reader, out var card)
            && card.PersonId == verdict.PersonId
            && time.GetElapsedTime(card.Timestamp, now) <= current.PinAfterCardTimeout)
        {
            return AccessVerdict.Grant(verdict.PersonId!, "card and pin");
        }

        return AccessVerdict.Deny(verdict.PersonId, "card required before pin");
    }
}
