using System.Globalization;

namespace GateController.Core.Access;

/// <summary>
/// A card as the reader delivered it: the format that decoded it, the facility (site) code when the
/// format has one, the card number, and the raw frame for cards enrolled by raw bits.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> masks the number: logs and events must never hold a whole card number,
/// because a 26-bit number plus its facility code is all it takes to clone a proximity card.
/// </remarks>
public readonly record struct CardNumber
{
    /// <summary>Longest frame a <see cref="CardNumber"/> can carry; every format we decode fits in 64 bits.</summary>
    public const int MaximumBitCount = 64;

    /// <summary>The raw format name: cards enrolled with <c>--raw HEX</c> match on length and bits alone.</summary>
    public const string RawFormat = "Raw";

    public CardNumber(string format, uint? facility, ulong number, int bitCount, ulong rawBits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, MaximumBitCount);
        if (bitCount < MaximumBitCount && rawBits >> bitCount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rawBits), $"Raw bits 0x{rawBits:X} do not fit in a {bitCount}-bit frame.");
        }

        Format = format;
        Facility = facility;
        Number = number;
        BitCount = bitCount;
        RawBits = rawBits;
    }

    /// <summary>Format name as in the format table, e.g. <c>H10301</c>, or <c>Raw</c>.</summary>
    public string Format { get; }

    /// <summary>Facility (site, company) code, or null for formats without one (H10302, raw).</summary>
    public uint? Facility { get; }

    public ulong Number { get; }

    /// <summary>Length of the Wiegand frame, parity bits included.</summary>
    public int BitCount { get; }

    /// <summary>The whole frame, first bit received in the most significant of the low <see cref="BitCount"/> bits.</summary>
    public ulong RawBits { get; }

    /// <summary>Shows the format, facility and the last two digits only, e.g. <c>H10301:13:…67</c>.</summary>
    public override string ToString()
    {
        var digits = Number.ToString(CultureInfo.InvariantCulture);
        var tail = digits.Length <= 2 ? digits : digits[^2..];
        return Facility is { } facility
            ? string.Create(CultureInfo.InvariantCulture, $"{Format}:{facility}:…{tail}")
            : string.Create(CultureInfo.InvariantCulture, $"{Format}:…{tail}");
    }
}
