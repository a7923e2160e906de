namespace GateController.Hardware.Wiegand;

/// <summary>
/// Decodes single-key frames from Wiegand keypads (HID and most Chinese keypad readers): 4-bit keys
/// 0-9, '*' = 10, '#' = 11; 8-bit keys carry the inverted nibble first as a check.
/// </summary>
public static class WiegandKeypadDecoder
{
    public static bool TryDecodeKey(WiegandFrame frame, WiegandKeypadMode mode, out char key)
    {
        key = default;
        if (frame.Noisy)
        {
            return false;
        }

        int nibble;
        switch (mode)
        {
            case WiegandKeypadMode.FourBitPerKey when frame.BitCount == 4:
                nibble = (int)(frame.Bits & 0xF);
                break;
            case WiegandKeypadMode.EightBitPerKey when frame.BitCount == 8:
                nibble = (int)(frame.Bits & 0xF);
                var check = (int)((frame.Bits >> 4) & 0xF);
                if ((check ^ nibble) != 0xF)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        key = nibble switch
        {
            <= 9 => (char)('0' + nibble),
            10 => '*',
            11 => '#',
            _ => default,
        };
        return key != default;
    }

    /// <summary>The frame a keypad sends for <paramref name="key"/>, for simulation (<c>gatectl sim keys 1234#</c>).</summary>
    public static WiegandFrame Encode(char key, WiegandKeypadMode mode)
    {
        var nibble = key switch
        {
            >= '0' and <= '9' => (ulong)(key - '0'),
            '*' => 10UL,
            '#' => 11UL,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "A keypad key is 0-9, '*' or '#'."),
        };
        return mode switch
        {
            WiegandKeypadMode.FourBitPerKey => new WiegandFrame(nibble, 4, false, 0, 0),
            WiegandKeypadMode.EightBitPerKey => new WiegandFrame(((~nibble & 0xF) << 4) | nibble, 8, false, 0, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Choose FourBitPerKey or EightBitPerKey."),
        };
    }
}
