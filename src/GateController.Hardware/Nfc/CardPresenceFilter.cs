namespace GateController.Hardware.Nfc;

/// <summary>
/// Decides which UID readings are new presentations. A poller sees a card held on the reader on every
/// poll; only the first reading counts, until the card has been out of the field for the repeat window
/// (any reading refreshes it). A different card counts at once. Pure; not thread-safe.
/// </summary>
/// <remarks>
/// Presence is judged by the age of the last reading, not by a single empty poll: an MFRC522 misses a
/// held card on some polls (the card is still answering the previous select), which would otherwise
/// turn one presentation into many.
/// </remarks>
public sealed class CardPresenceFilter(TimeSpan repeatWindow, TimeProvider time)
{
    private readonly byte[] _lastUid = new byte[INfcUidSource.MaximumUidLength];
    private int _lastUidLength;
    private long _lastSeen;

    /// <summary>Records a reading of <paramref name="uid"/>; true when it is a new presentation to submit.</summary>
    public bool IsNewPresentation(ReadOnlySpan<byte> uid)
    {
        if (uid.IsEmpty || uid.Length > _lastUid.Length)
        {
            throw new ArgumentException($"A UID is 1 to {_lastUid.Length} bytes, not {uid.Length}.", nameof(uid));
        }

        var now = time.GetTimestamp();
        var sameCard = _lastUidLength > 0 && uid.SequenceEqual(_lastUid.AsSpan(0, _lastUidLength));
        var held = sameCard && time.GetElapsedTime(_lastSeen, now) < repeatWindow;
        _lastSeen = now;
        if (held)
        {
            return false;
        }

        uid.CopyTo(_lastUid);
        _lastUidLength = uid.Length;
        return true;
    }
}
