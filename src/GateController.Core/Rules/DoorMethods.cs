namespace GateController.Core.Rules;

/// <summary>What opens a door in a window. <see cref="CardAndPin"/> is a card followed by its holder's PIN at the paired keypad.</summary>
[Flags]
public enum DoorMethods
{
    None = 0,
    Face = 1,
    Card = 2,
    Pin = 4,
    CardAndPin = 8,

    /// <summary>Outside every configured window: any single credential.</summary>
    Any = Face | Card | Pin,
}
