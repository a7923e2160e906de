namespace GateController.Core.Credentials;

/// <summary>A stored PIN: a random salt and HMAC-SHA256(pepper, salt ‖ PIN). Neither is secret alone.</summary>
public sealed record PinHash(byte[] Salt, byte[] Hash)
{
    public override string ToString() => "PinHash { (hidden) }";
}
