namespace GateController.Hardware.Wiegand;

/// <summary>How a Wiegand keypad sends each key press, as set by the keypad's DIP switches or configuration.</summary>
public enum WiegandKeypadMode
{
    /// <summary>The reader has no keypad (or its keypad is not used).</summary>
    None,

    /// <summary>One 4-bit frame per key: 0-9, then 10 for '*' and 11 for '#'.</summary>
    FourBitPerKey,

    /// <summary>One 8-bit frame per key: the complement of the key's nibble, then the nibble (e.g. '1' is 1110 0001).</summary>
    EightBitPerKey,
}
