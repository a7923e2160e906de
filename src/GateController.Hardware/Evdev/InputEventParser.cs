using System.Buffers.Binary;

namespace GateController.Hardware.Evdev;

/// <summary>
/// Turns the bytes read from an evdev node into key events. Pure: a read may end in the middle of a
/// record (a FIFO or a short read), so the tail is kept and completed by the next chunk.
/// Events other than <c>EV_KEY</c> (<c>EV_SYN</c>, <c>EV_MSC</c> scan codes, LEDs) are skipped.
/// Not thread-safe: one parser per device loop.
/// </summary>
public sealed class InputEventParser
{
    // Offsets of type, code and value after the timeval (two longs).
    private readonly int _recordSize;
    private readonly int _typeOffset;
    private readonly byte[] _partial;
    private int _partialLength;

    public InputEventParser(InputEventLayout layout = InputEventLayout.Bits64)
    {
        if (layout is not (InputEventLayout.Bits64 or InputEventLayout.Bits32))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "An input_event is 24 bytes (64-bit) or 16 bytes (32-bit).");
        }

        _recordSize = (int)layout;
        _typeOffset = _recordSize - 8;
        _partial = new byte[_recordSize];
    }

    public int RecordSize => _recordSize;

    /// <summary>Bytes of an incomplete record held for the next <see cref="Parse"/>.</summary>
    public int PendingByteCount => _partialLength;

    /// <summary>Appends the key events in <paramref name="data"/> (and the held tail) to <paramref name="events"/>.</summary>
    public void Parse(ReadOnlySpan<byte> data, ICollection<KeyEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_partialLength > 0)
        {
            var take = Math.Min(_recordSize - _partialLength, data.Length);
            data[..take].CopyTo(_partial.AsSpan(_partialLength));
            _partialLength += take;
            data = data[take..];
            if (_partialLength < _recordSize)
            {
                return;
            }

            AddIfKey(_partial, events);
            _partialLength = 0;
        }

        while (data.Length >= _recordSize)
        {
            AddIfKey(data[.._recordSize], events);
            data = data[_recordSize..];
        }

        data.CopyTo(_partial);
        _partialLength = data.Length;
    }

    private void AddIfKey(ReadOnlySpan<byte> record, ICollection<KeyEvent> events)
    {
        // input_event is written in the CPU's byte order; every board we run on is little-endian.
        var type = BinaryPrimitives.ReadUInt16LittleEndian(record[_typeOffset..]);
        if (type != LinuxKeyCode.EventTypeKey)
        {
            return;
        }

        var code = BinaryPrimitives.ReadUInt16LittleEndian(record[(_typeOffset + 2)..]);
        var value = BinaryPrimitives.ReadInt32LittleEndian(record[(_typeOffset + 4)..]);
        if (value is >= (int)KeyAction.Release and <= (int)KeyAction.Repeat)
        {
            events.Add(new KeyEvent(code, (KeyAction)value));
        }
    }
}
