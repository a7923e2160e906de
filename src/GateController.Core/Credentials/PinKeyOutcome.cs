namespace GateController.Core.Credentials;

/// <summary>What one key press did to a <see cref="PinEntry"/>.</summary>
public enum PinKeyOutcome
{
    /// <summary>A digit was added.</summary>
    DigitAccepted,

    /// <summary>'*' dropped the digits typed so far.</summary>
    Cleared,

    /// <summary>'#' ended an entry of acceptable length; the result carries the PIN.</summary>
    Submitted,

    /// <summary>'#' with fewer digits than the minimum; the entry was dropped.</summary>
    TooShort,

    /// <summary>A digit beyond the maximum; the entry was dropped rather than silently truncated.</summary>
    TooLong,

    /// <summary>A key that is neither a digit, '*' nor '#'.</summary>
    Ignored,
}
