namespace GateController.Core.Access;

/// <summary>What a verifier concludes about a credential, before the engine acts on it.</summary>
public readonly record struct AccessVerdict(AccessResult Result, string? PersonId, string Reason)
{
    public static AccessVerdict Grant(string personId, string reason) => new(AccessResult.Granted, personId, reason);

    public static AccessVerdict Deny(string? personId, string reason) => new(AccessResult.Denied, personId, reason);

    public static AccessVerdict Reject(string reason) => new(AccessResult.Rejected, null, reason);
}
