using System.Globalization;
using GateController.Core.Access;
using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// Turns what an administrator types into the <see cref="CardNumber"/> a reader would deliver:
/// <c>FORMAT:FACILITY:NUMBER</c> (or <c>FORMAT:NUMBER</c>) is encoded and decoded again, so enrolment
/// and reading can never disagree on a field; a raw frame is <c>--raw HEX</c> with an optional bit length.
/// </summary>
internal static class CardSpecification
{
    public static bool TryParse(string? card, string? rawHex, int? rawBitCount, out CardNumber number, out string problem)
    {
        number = default;
        if ((card is null) == (rawHex is null))
        {
            problem = "give either \"card\" (FORMAT:FACILITY:NUMBER) or \"raw\" (HEX), not both or neither";
            return false;
        }

        return card is not null ? TryParseCard(card, out number, out problem) : TryParseRaw(rawHex!, rawBitCount, out number, out problem);
    }

    private static bool TryParseCard(string card, out CardNumber number, out string problem)
    {
        number = default;
        var formatName = card.Split(':')[0];
        if (!WiegandFormat.TryParse(formatName, out var format))
        {
            problem = $"card '{Mask(card)}': format '{formatName}' is unknown; expected H10301, H10306, C1000, H10304, H10302 or RawN";
            return false;
        }

        WiegandFrame frame;
        try
        {
            frame = WiegandEncoder.Encode(card);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            problem = $"card '{Mask(card)}' does not fit {format}: {exception.Message.Replace(card, Mask(card), StringComparison.Ordinal)}";
            return false;
        }

        var decoded = new WiegandFrameDecoder([format]).Decode(frame);
        if (decoded.Card is not { } value)
        {
            problem = $"card '{Mask(card)}' does not encode as {format} ({decoded.Status})";
            return false;
        }

        number = value;
        problem = "";
        return true;
    }

    private static bool TryParseRaw(string rawHex, int? rawBitCount, out CardNumber number, out string problem)
    {
        number = default;
        var hex = rawHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? rawHex[2..] : rawHex;
        var bitCount = rawBitCount ?? hex.Length * 4;
        if (hex.Length is 0 or > 16 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            problem = "raw card: expected 1 to 16 hexadecimal digits";
            return false;
        }

        if (bitCount is < 1 or > CardNumber.MaximumBitCount || (bitCount < CardNumber.MaximumBitCount && bits >> bitCount != 0))
        {
            problem = $"raw card: the value does not fit in {bitCount} bits (1 to {CardNumber.MaximumBitCount})";
            return false;
        }

        number = new CardNumber("Raw", null, bits, bitCount, bits);
        problem = "";
        return true;
    }

    /// <summary>Error messages may be logged; they show the format and facility, not the number.</summary>
    private static string Mask(string card)
    {
        var last = card.LastIndexOf(':');
        return last < 0 ? "…" : card[..(last + 1)] + "…";
    }
}
