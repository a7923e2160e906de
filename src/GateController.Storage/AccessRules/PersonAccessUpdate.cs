using GateController.Core.Rules;

namespace GateController.Storage.AccessRules;

/// <summary>
/// A change to a person's access: each part is replaced only when given, so <c>gatectl person set ID --valid-until D</c>
/// keeps the groups. <see cref="ValidFrom"/>/<see cref="ValidUntil"/> hold the new date, null for none.
/// </summary>
public sealed record PersonAccessUpdate
{
    public IReadOnlyList<string>? Groups { get; init; }

    public bool ChangesValidFrom { get; init; }

    public DateOnly? ValidFrom { get; init; }

    public bool ChangesValidUntil { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public PersonAccess ApplyTo(PersonAccess current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new PersonAccess(
            Groups is null ? current.Groups : [.. Groups.Distinct(StringComparer.Ordinal)],
            new PersonValidity(ChangesValidFrom ? ValidFrom : current.Validity.From, ChangesValidUntil ? ValidUntil : current.Validity.Until));
    }
}

/// <summary>A committed group or person-access change, with its audit row.</summary>
public sealed record AccessRuleChange(string Subject, string Detail, bool Created, long AuditSequence);
