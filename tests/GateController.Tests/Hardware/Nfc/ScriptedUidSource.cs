using GateController.Hardware.Nfc;

namespace GateController.Tests.Hardware.Nfc;

/// <summary>A module whose field holds whatever the test puts there: a UID, nothing, or a bus fault.</summary>
internal sealed class ScriptedUidSource : INfcUidSource
{
    public byte[]? CardInField { get; set; }

    public bool BusFailing { get; set; }

    public int Polls { get; private set; }

    public bool TryReadUid(Span<byte> uid, out int length)
    {
        Polls++;
        if (BusFailing)
        {
            throw new IOException("SPI transfer failed");
        }

        length = CardInField?.Length ?? 0;
        CardInField?.CopyTo(uid);
        return CardInField is not null;
    }

    public void Dispose()
    {
    }
}
