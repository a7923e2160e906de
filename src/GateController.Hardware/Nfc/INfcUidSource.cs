namespace GateController.Hardware.Nfc;

/// <summary>
/// One NFC/RFID module asked "is a card in the field, and what is its UID?". The seam between the
/// testable poller and the bus-bound module adapters (<see cref="Mfrc522UidSource"/>, <see cref="Pn532UidSource"/>).
/// </summary>
public interface INfcUidSource : IDisposable
{
    /// <summary>Longest UID of ISO/IEC 14443-3 Type A: triple size, 10 bytes.</summary>
    const int MaximumUidLength = 10;

    /// <summary>Polls the field once. Blocking; may throw <see cref="IOException"/> when the bus fails.</summary>
    /// <param name="uid">At least <see cref="MaximumUidLength"/> bytes.</param>
    /// <param name="length">The UID's length in bytes (4, 7 or 10).</param>
    bool TryReadUid(Span<byte> uid, out int length);
}
