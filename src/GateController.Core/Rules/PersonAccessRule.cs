using GateController.Core.Access;
using Microsoft.Extensions.Options;

namespace GateController.Core.Rules;

/// <summary>
/// Who may enter when: the person's validity period (move-in to move-out), then their access groups'
/// windows and holidays for this door, in the site's zone. The same for face, card and PIN: it judges the
/// person a verifier named, never the method. Decision-thread only; reads a frozen <see cref="AccessRuleSet"/>.
/// </summary>
public sealed class PersonAccessRule(IAccessRuleSource rules, SiteClock clock, IOptionsMonitor<AccessRulesOptions> options) : IAccessRule
{
    public AccessVerdict Apply(AccessAttempt attempt, AccessVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (verdict.Result != AccessResult.Granted || verdict.PersonId is not { } personId)
        {
            return verdict;
        }

        var set = rules.Current;
        var access = set.For(personId);
        var now = clock.LocalNow;
        if (!access.Validity.Contains(DateOnly.FromDateTime(now)))
        {
            return AccessVerdict.Deny(personId, AccessRefusals.NotValid);
        }

        if (access.Groups.Count == 0)
        {
            return options.CurrentValue.PersonsWithoutGroup == UngroupedPersons.Allowed
                ? verdict
                : AccessVerdict.Deny(personId, AccessRefusals.NoAccessGroup);
        }

        var coversDoor = false;
        foreach (var name in access.Groups)
        {
            // The store refuses to remove a group with members, so a missing one means a damaged set: it grants nothing.
            if (set.TryGetGroup(name, out var group) && group!.CoversDoor(attempt.Door))
            {
                coversDoor = true;
                if (group.IsOpenAt(now))
                {
                    return verdict;
                }
            }
        }

        return AccessVerdict.Deny(personId, coversDoor ? AccessRefusals.OutsideSchedule : AccessRefusals.NoAccessGroup);
    }
}
