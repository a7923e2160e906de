namespace GateController.Core.Credentials;

/// <summary>Why a PIN may or may not be enrolled.</summary>
public enum PinPolicyResult
{
    Acceptable,
    TooShort,
    TooLong,
    NotDigits,

    /// <summary>All one digit: 0000, 7777.</summary>
    RepeatedDigit,

    /// <summary>A run up or down the keypad: 1234, 9876, 7890.</summary>
    Sequence,

    /// <summary>Already another person's PIN or duress PIN, or this person's other PIN.</summary>
    InUse,
}
