namespace GateController.Core.Access;

/// <summary>The ways into the compound. Card and PIN are equal to face, never fallbacks.</summary>
public enum AccessMethod
{
    Face,
    Card,
    Pin,
}
