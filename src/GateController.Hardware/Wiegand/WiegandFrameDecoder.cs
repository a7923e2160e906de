using GateController.Core.Access;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// Turns a frame into a card number using the reader's enabled formats, in order. A frame becomes a
/// card only when its length matches and every parity bit of that format holds; otherwise the result
/// says why. Pure and allocation-free apart from the card's format name, which is shared.
/// </summary>
public sealed class WiegandFrameDecoder
{
    private readonly WiegandFormat[] _formats;

    public WiegandFrameDecoder(IEnumerable<WiegandFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = [.. formats];
        if (_formats.Length == 0)
        {
            throw new ArgumentException("A Wiegand reader needs at least one card format.", nameof(formats));
        }
    }

    public static WiegandFrameDecoder Default { get; } = new(WiegandFormat.Defaults);

    public IReadOnlyList<WiegandFormat> Formats => _formats;

    public WiegandDecodeResult Decode(WiegandFrame frame)
    {
        if (frame.Noisy)
        {
            return WiegandDecodeResult.Noise(frame.BitCount);
        }

        return Decode(frame.Bits, frame.BitCount);
    }

    /// <summary>Decodes the low <paramref name="bitCount"/> bits of <paramref name="bits"/>; higher bits are ignored.</summary>
    public WiegandDecodeResult Decode(ulong bits, int bitCount)
    {
        if (bitCount is < 1 or > CardNumber.MaximumBitCount)
        {
            return WiegandDecodeResult.UnsupportedLength(bitCount);
        }

        if (bitCount < CardNumber.MaximumBitCount)
        {
            bits &= (1UL << bitCount) - 1;
        }

        var lengthMatched = false;
        foreach (var format in _formats)
        {
            if (format.BitCount != bitCount)
            {
                continue;
            }

            lengthMatched = true;
            if (ParityHolds(format, bits))
            {
                return WiegandDecodeResult.Ok(ToCard(format, bits));
            }
        }

        return lengthMatched ? WiegandDecodeResult.BadParity(bitCount) : WiegandDecodeResult.UnsupportedLength(bitCount);
    }

    private static bool ParityHolds(WiegandFormat format, ulong bits)
    {
        foreach (var parity in format.Parities)
        {
            if (!parity.Holds(bits))
            {
                return false;
            }
        }

        return true;
    }

    private static CardNumber ToCard(WiegandFormat format, ulong bits)
    {
        uint? facility = format.Facility is { } field ? (uint)format.ReadField(bits, field) : null;
        var name = format.IsRaw ? "Raw" : format.Name;
        return new CardNumber(name, facility, format.ReadField(bits, format.Number), format.BitCount, bits);
    }
}
