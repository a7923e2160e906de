using System.Globalization;
using GateController.Core.Access;
using GateController.Core.Credentials;

namespace GateController.Hardware.Evdev;

/// <summary>
/// Turns the text a wedge reader typed before Enter into a raw <see cref="CardNumber"/>
/// (format <c>Raw</c>, matched on bit count and bits, like a card enrolled with <c>--raw HEX</c>),
/// so the same card read by a wedge reader and by an NFC module matches one enrolment. Pure.
/// </summary>
public static class WedgeCardParser
{
    /// <summary>At most 16 hex digits or 20 decimal digits fit a <see cref="CardNumber"/> (64 bits).</summary>
    public const int MaximumHexDigits = CardNumber.MaximumBitCount / 4;

    public const int MaximumDecimalDigits = 20;

    /// <param name="text">What the reader typed, without the Enter.</param>
    /// <param name="format">The reader's output setting.</param>
    /// <param name="decimalBitCount">The UID length a decimal number stands for (32 for a 4-byte UID).</param>
    /// <param name="card">The card, as raw bits.</param>
    public static bool TryParse(ReadOnlySpan<char> text, WedgeCardFormat format, int decimalBitCount, out CardNumber card)
    {
        card = default;
        if (text.IsEmpty)
        {
            return false;
        }

        if (format == WedgeCardFormat.Hex)
        {
            if (text.Length > MaximumHexDigits
                || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var uid))
            {
                return false;
            }

            // Each hex digit is 4 bits, leading zeros included: "04A1B2C3" is a 32-bit UID.
            card = new CardNumber(CardNumber.RawFormat, null, uid, text.Length * 4, uid);
            return true;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(decimalBitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimalBitCount, CardNumber.MaximumBitCount);
        if (text.Length > MaximumDecimalDigits
            || !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || (decimalBitCount < CardNumber.MaximumBitCount && number >> decimalBitCount != 0))
        {
            return false;
        }

        card = new CardNumber(CardNumber.RawFormat, null, number, decimalBitCount, number);
        return true;
    }
}
