namespace GateController.Hardware.Wiegand;

/// <summary>
/// One parity bit of a format. <see cref="Mask"/> holds the covered bits, the parity bit itself included,
/// in frame order (bit 1, the first sent, is the most significant of the low BitCount bits): even
/// parity means the covered bits hold an even number of ones, odd parity an odd number.
/// </summary>
public readonly record struct WiegandParity(int Position, ulong Mask, bool Odd)
{
    public bool Holds(ulong bits) => ((ulong.PopCount(bits & Mask) & 1) == 1) == Odd;
}
