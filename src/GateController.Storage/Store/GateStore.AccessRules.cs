using GateController.Core.Rules;
using GateController.Storage.AccessRules;
using GateController.Storage.Audit;
using GateController.Storage.Persons;

namespace GateController.Storage.Store;

/// <summary>Access groups, memberships and validity periods (schema step 4), each change audited in its own transaction.</summary>
public sealed partial class GateStore
{
    /// <summary>Adds the group, or replaces the windows, holidays and doors of the group with that name.</summary>
    public StoreResult<AccessRuleChange> SaveGroup(AccessGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = _time.GetUtcNow();
        var change = _database.Write(transaction =>
        {
            var created = GroupRecords.Upsert(transaction, group, now);
            var detail = $"access group {group.Name} {(created ? "added" : "replaced")}: {group.Windows.Count} windows, {group.Holidays.Count} holidays, " +
                $"{group.HolidayWindows.Count} holiday windows, doors {(group.Doors.Count == 0 ? "all" : string.Join(',', group.Doors))}";
            var audit = AuditTrail.Append(transaction, now, AuditKind.AccessGroupSaved, null, detail);
            return new AccessRuleChange(group.Name, detail, created, audit);
        });
        Log.GroupSaved(_logger, group.Name, change.Created ? "added" : "replaced", group.Windows.Count, group.Holidays.Count);
        Announce(StoreChanges.AccessRules, null);
        return StoreResult<AccessRuleChange>.Done(change);
    }

    /// <summary>
    /// Removes a group nobody belongs to. A group with members is refused: removing it would leave its members
    /// in no group, which can mean at any time (<c>Access:PersonsWithoutGroup</c>), a wider grant than intended.
    /// </summary>
    public StoreResult<AccessRuleChange> RemoveGroup(string name)
    {
        if (!AccessGroup.IsValidName(name))
        {
            return StoreResult<AccessRuleChange>.Refused(StoreRefusalReason.InvalidGroup, AccessGroup.NameProblem(name));
        }

        var now = _time.GetUtcNow();
        var outcome = _database.Write<(AccessRuleChange? Change, int Members)>(transaction =>
        {
            if (!GroupRecords.Exists(transaction, name))
            {
                return (null, 0);
            }

            var members = PersonAccessRecords.LoadAll(transaction, _masterKey).Count(p => p.Value.Groups.Contains(name));
            if (members > 0)
            {
                return (null, members);
            }

            GroupRecords.Delete(transaction, name);
            var audit = AuditTrail.Append(transaction, now, AuditKind.AccessGroupRemoved, null, $"access group {name} removed");
            return (new AccessRuleChange(name, "removed", false, audit), 0);
        });
        if (outcome.Change is not { } change)
        {
            return outcome.Members == 0
                ? StoreResult<AccessRuleChange>.Refused(StoreRefusalReason.GroupNotFound, $"Access group '{name}' does not exist.")
                : StoreResult<AccessRuleChange>.Refused(StoreRefusalReason.GroupInUse,
                    $"Access group '{name}' still has {outcome.Members} member(s); move them to another group first (gatectl person set ID --group G), so nobody is left in no group.");
        }

        Log.GroupRemoved(_logger, name);
        Announce(StoreChanges.AccessRules, null);
        return StoreResult<AccessRuleChange>.Done(change);
    }

    public IReadOnlyList<AccessGroup> ListGroups() => _database.Read(GroupRecords.LoadAll);

    /// <summary>Changes a person's groups and/or validity period. Every group must exist; the period must not end before it starts.</summary>
    public StoreResult<AccessRuleChange> SetPersonAccess(string personId, PersonAccessUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<AccessRuleChange>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        if (update.Groups?.FirstOrDefault(g => !AccessGroup.IsValidName(g)) is { } badName)
        {
            return StoreResult<AccessRuleChange>.Refused(StoreRefusalReason.InvalidGroup, AccessGroup.NameProblem(badName));
        }

        var now = _time.GetUtcNow();
        var outcome = _database.Write<(AccessRuleChange? Change, StoreRefusal? Refusal)>(transaction =>
        {
            if (!PersonRecords.Exists(transaction, personId))
            {
                return (null, new StoreRefusal(StoreRefusalReason.PersonNotFound, $"Person '{personId}' does not exist; add the person first."));
            }

            if (update.Groups?.FirstOrDefault(g => !GroupRecords.Exists(transaction, g)) is { } unknown)
            {
                return (null, new StoreRefusal(StoreRefusalReason.GroupNotFound, $"Access group '{unknown}' does not exist; add it first (gatectl group add {unknown} --window ...)."));
            }

            var access = update.ApplyTo(PersonAccessRecords.Read(transaction, _masterKey, personId));
            if (access.Validity.Problem() is { } problem)
            {
                return (null, new StoreRefusal(StoreRefusalReason.InvalidValidity, $"Person '{personId}': {problem}; nothing was changed."));
            }

            PersonAccessRecords.Write(transaction, _masterKey, personId, access, now);
            var detail = AccessDetail(access);
            var audit = AuditTrail.Append(transaction, now, AuditKind.PersonAccessSet, personId, detail);
            return (new AccessRuleChange(personId, detail, false, audit), null);
        });
        if (outcome.Change is not { } change)
        {
            Log.Refused(_logger, outcome.Refusal!.Reason, Pseudonyms.Of(personId));
            return StoreResult<AccessRuleChange>.Refused(outcome.Refusal.Reason, outcome.Refusal.Message);
        }

        Log.PersonAccessSet(_logger, Pseudonyms.Of(personId), change.Detail);
        Announce(StoreChanges.AccessRules, personId);
        return StoreResult<AccessRuleChange>.Done(change);
    }

    public PersonAccess ReadPersonAccess(string personId) =>
        PersonId.IsValid(personId) ? _database.Read(transaction => PersonAccessRecords.Read(transaction, _masterKey, personId)) : PersonAccess.None;

    /// <summary>Every group and every person's access, in one read, for the in-memory rule set.</summary>
    public AccessRuleSet LoadAccessRuleSet() => _database.Read(transaction =>
        new AccessRuleSet(GroupRecords.LoadAll(transaction), PersonAccessRecords.LoadAll(transaction, _masterKey)));

    /// <summary>Group names name no one; the dates are personal, so the audit says only which are set.</summary>
    private static string AccessDetail(PersonAccess access) =>
        $"access set: groups [{string.Join(',', access.Groups)}], valid-from {(access.Validity.From is null ? "none" : "set")}, valid-until {(access.Validity.Until is null ? "none" : "set")}";
}
