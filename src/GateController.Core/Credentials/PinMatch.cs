namespace GateController.Core.Credentials;

/// <summary>Whose PIN was typed, if anyone's, and whether it was their duress PIN.</summary>
public readonly record struct PinMatch(string? PersonId, bool IsDuress)
{
    public static PinMatch None => default;

    public bool IsMatch => PersonId is not null;
}
