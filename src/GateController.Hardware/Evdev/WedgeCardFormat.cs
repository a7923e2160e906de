namespace GateController.Hardware.Evdev;

/// <summary>How a keyboard-wedge reader types a card. Most can be set to either with a config card.</summary>
public enum WedgeCardFormat
{
    /// <summary>The UID as a decimal number, typically 10 digits for a 4-byte UID ("0012345678").</summary>
    Decimal,

    /// <summary>The UID in hex, two digits a byte, most significant byte first ("04A1B2C3D4E5F6").</summary>
    Hex,
}
