using System.Globalization;
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
    public const string RawFormat = "Raw";

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
}
