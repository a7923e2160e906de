using GateController.Core.Access;
using GateController.Core.Credentials;

namespace GateController.Hardware.Nfc;

/// <summary>A card UID as a raw <see cref="CardNumber"/>: 8 bits a byte, first byte most significant.</summary>
public static class NfcCardNumber
{
    /// <summary>
    /// False for 10-byte (triple-size) UIDs, which do not fit the 64 bits of a <see cref="CardNumber"/>;
    /// single (4-byte) and double (7-byte) UIDs, nearly every card in use, do. "04A1B2C3" as hex
    /// is what <c>card add --raw</c> takes for the same card.
    /// </summary>
    public static bool TryCreate(ReadOnlySpan<byte> uid, out CardNumber card)
    {
        card = default;
        if (uid.IsEmpty || uid.Length * 8 > CardNumber.MaximumBitCount)
        {
            return false;
        }

        ulong bits = 0;
        foreach (var b in uid)
        {
            bits = (bits << 8) | b;
        }

        card = new CardNumber(CardNumber.RawFormat, null, bits, uid.Length * 8, bits);
        return true;
    }
}
