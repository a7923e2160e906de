namespace GateController.Hardware.Wiegand;

/// <summary>
/// The bits between two gaps on a D0/D1 pair. The first bit received is the most significant of the low
/// <see cref="BitCount"/> bits; when more than 64 arrived, <see cref="BitCount"/> says how many and the
/// frame can only be rejected.
/// </summary>
/// <param name="Bits">The frame, first bit most significant.</param>
/// <param name="BitCount">How many pulses the frame held.</param>
/// <param name="Noisy">Both lines were low at once, or pulses came closer than any reader sends them.</param>
/// <param name="FirstEdgeTimestamp">Timestamp of the first falling edge.</param>
/// <param name="LastEdgeTimestamp">Timestamp of the last falling edge: where decision latency is measured from.</param>
public readonly record struct WiegandFrame(ulong Bits, int BitCount, bool Noisy, long FirstEdgeTimestamp, long LastEdgeTimestamp)
{
    /// <summary>A clean frame from "0101…" text, for tests and <c>gatectl sim card --bits</c>.</summary>
    public static WiegandFrame FromBitString(ReadOnlySpan<char> bits)
    {
        if (bits.IsEmpty || bits.Length > Core.Access.CardNumber.MaximumBitCount)
        {
            throw new FormatException($"A Wiegand bit string has 1 to {Core.Access.CardNumber.MaximumBitCount} bits; got {bits.Length}.");
        }

        ulong value = 0;
        foreach (var c in bits)
        {
            value = c switch
            {
                '0' => value << 1,
                '1' => (value << 1) | 1,
                _ => throw new FormatException($"A Wiegand bit string holds only 0 and 1; got '{c}'."),
            };
        }

        return new WiegandFrame(value, bits.Length, Noisy: false, 0, 0);
    }

    public string ToBitString() =>
        BitCount > Core.Access.CardNumber.MaximumBitCount
            ? $"({BitCount} bits)"
            : Convert.ToString((long)Bits, 2).PadLeft(BitCount, '0')[^BitCount..];
}
