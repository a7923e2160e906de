namespace GateController.Core.Rules;

/// <summary>A person's access groups and validity period. No groups and no period is the default.</summary>
public sealed record PersonAccess(IReadOnlyList<string> Groups, PersonValidity Validity)
{
    public static PersonAccess None { get; } = new([], PersonValidity.Always);

    public bool IsDefault => Groups.Count == 0 && !Validity.IsBounded;
}
