namespace GateController.Core.Access;

public enum AccessMode
{
    /// <summary>Any one credential opens the door: a face, a card or a PIN (the default).</summary>
    AnySingleCredential,

    /// <summary>During <see cref="AccessModeOptions.CardAndPinSchedule"/>, a card needs the holder's PIN at the paired keypad. Face stays a single credential.</summary>
    CardAndPin,
}
