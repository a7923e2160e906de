using GateController.Core.Access;
using Microsoft.Extensions.Options;

namespace GateController.Core.Rules;

/// <summary>
/// Which methods open each door now (<c>Access:Doors</c>): face off at night, card+PIN only at night, and
/// so on. For card+PIN a granted card is held (denied, "PIN required") until the same person's PIN is typed
/// at the keypad paired with that reader within the timeout. Face is never a required factor; the start-up
/// guard refuses a window where it is the only one. Decision-thread only.
/// </summary>
/// <param name="keypadReaders">Which card reader each keypad belongs to; a keypad not listed pairs with the reader of the same id.</param>
public sealed class DoorMethodRule(
    IOptionsMonitor<AccessRulesOptions> options,
    IReadOnlyDictionary<string, string> keypadReaders,
    SiteClock clock) : IAccessRule
{
    private readonly Dictionary<string, (string PersonId, long Timestamp)> _cardsAwaitingPin = new(StringComparer.Ordinal);
    private (AccessRulesOptions Options, DoorMethodPlan Plan)? _plan;

    public AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (verdict.Result != AccessResult.Granted)
        {
            return verdict;
        }

        var current = options.CurrentValue;
        var methods = Plan(current).MethodsAt(attempt.Door, clock.LocalNow);
        return attempt.Method switch
        {
            AccessMethod.Face => methods.HasFlag(DoorMethods.Face) ? verdict : AccessVerdict.Deny(verdict.PersonId, AccessRefusals.MethodNotAllowed),
            AccessMethod.Card => Card(attempt, verdict, methods),
            AccessMethod.Pin => Pin(attempt, verdict, methods, current.PinAfterCardTimeout),
            _ => verdict,
        };
    }

    private AccessVerdict Card(AccessAttempt attempt, AccessVerdict verdict, DoorMethods methods)
    {
        if (methods.HasFlag(DoorMethods.Card))
        {
            return verdict;
        }

        if (!methods.HasFlag(DoorMethods.CardAndPin))
        {
            return AccessVerdict.Deny(verdict.PersonId, AccessRefusals.MethodNotAllowed);
        }

        _cardsAwaitingPin[attempt.ReaderId] = (verdict.PersonId!, clock.Time.GetTimestamp());
        return AccessVerdict.Deny(verdict.PersonId, AccessRefusals.PinRequired);
    }

    private AccessVerdict Pin(AccessAttempt attempt, AccessVerdict verdict, DoorMethods methods, TimeSpan timeout)
    {
        var reader = keypadReaders.GetValueOrDefault(attempt.ReaderId, attempt.ReaderId);
        if (methods.HasFlag(DoorMethods.CardAndPin)
            && _cardsAwaitingPin.Remove(reader, out var card)
            && card.PersonId == verdict.PersonId
            && clock.Time.GetElapsedTime(card.Timestamp) <= timeout)
        {
            return AccessVerdict.Grant(verdict.PersonId!, "card and pin");
        }

        if (methods.HasFlag(DoorMethods.Pin))
        {
            return verdict;
        }

        return methods.HasFlag(DoorMethods.CardAndPin)
            ? AccessVerdict.Deny(verdict.PersonId, AccessRefusals.CardRequiredBeforePin)
            : AccessVerdict.Deny(verdict.PersonId, AccessRefusals.MethodNotAllowed);
    }

    private DoorMethodPlan Plan(AccessRulesOptions current)
    {
        if (_plan is not { } cached || !ReferenceEquals(cached.Options, current))
        {
            cached = (current, DoorMethodPlan.Build(current, []));
            _plan = cached;
        }

        return cached.Plan;
    }
}
