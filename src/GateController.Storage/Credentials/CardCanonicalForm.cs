using System.Globalization;
using System.Text;
using System.Text.Unicode;
using GateController.Core.Access;

namespace GateController.Storage.Credentials;

/// <summary>
/// The one spelling of a card that is tagged and sealed: <c>card\0H10301:13:13067</c> by number, or
/// <c>raw\026:0123ABC</c> by frame. A card read as H10301 also matches a raw enrolment of the same bits.
/// </summary>
internal static class CardCanonicalForm
{
    /// <summary>The format name <c>WiegandFrameDecoder</c> gives raw frames, and that <c>--raw</c> enrolments use.</summary>
    public const string RawFormat = CardNumber.RawFormat;

    public static int Write(CardNumber card, bool raw, Span<byte> destination)
    {
        var written = raw
            ? Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"raw\0{card.BitCount}:{card.RawBits:X}", out var length)
            : card.Facility is { } facility
                ? Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"card\0{card.Format}:{facility}:{card.Number}", out length)
                : Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"card\0{card.Format}:{card.Number}", out length);
        return written ? length : throw new ArgumentException($"The card format name '{card.Format}' is too long.", nameof(card));
    }

    public static byte[] ToBytes(CardNumber card, bool raw)
    {
        Span<byte> buffer = stackalloc byte[128];
        return buffer[..Write(card, raw, buffer)].ToArray();
    }

    /// <summary>
    /// Reads a canonical spelling back into a card, for showing it masked (the data-subject report). A card
    /// stored by number keeps no frame, so its bit count is given as <see cref="CardNumber.MaximumBitCount"/>
    /// and its raw bits as zero: fine for <see cref="CardNumber.ToString"/>, not for matching.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> canonical, out CardNumber card)
    {
        card = default;
        var text = Encoding.UTF8.GetString(canonical);
        var separator = text.IndexOf('\0', StringComparison.Ordinal);
        if (separator < 0)
        {
            return false;
        }

        var fields = text[(separator + 1)..].Split(':');
        var domain = text[..separator];
        var style = NumberStyles.None;
        var culture = CultureInfo.InvariantCulture;
        if (domain == "raw" && fields.Length == 2 && int.TryParse(fields[0], style, culture, out var bitCount)
            && bitCount is >= 1 and <= CardNumber.MaximumBitCount && ulong.TryParse(fields[1], NumberStyles.AllowHexSpecifier, culture, out var bits)
            && (bitCount == CardNumber.MaximumBitCount || bits >> bitCount == 0))
        {
            card = new CardNumber(RawFormat, null, bits, bitCount, bits);
            return true;
        }

        if (domain == "card" && fields.Length is 2 or 3 && fields[0].Length > 0 && ulong.TryParse(fields[^1], style, culture, out var number))
        {
            uint? facility = null;
            if (fields.Length == 3)
            {
                if (!uint.TryParse(fields[1], style, culture, out var site))
                {
                    return false;
                }

                facility = site;
            }

            card = new CardNumber(fields[0], facility, number, CardNumber.MaximumBitCount, rawBits: 0);
            return true;
        }

        return false;
    }
}
