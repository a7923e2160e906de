using System.Buffers.Binary;
using System.Text;

namespace GateController.FaceChannel;

/// <summary>Little-endian fields into a payload buffer; overrunning it is a bug (the caller sized it).</summary>
public ref struct PayloadWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _position;

    public readonly int Length => _position;

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Advance(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Advance(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Advance(8), value);

    public void WriteSingle(float value) => BinaryPrimitives.WriteSingleLittleEndian(Advance(4), value);

    public void WriteSingles(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            WriteSingle(value);
        }
    }

    /// <summary>A UTF-8 string with a 16-bit length, cut at <paramref name="maximumBytes"/>.</summary>
    public void WriteString(string value, int maximumBytes = PayloadReader.MaximumStringBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = Math.Min(bytes.Length, maximumBytes);
        WriteUInt16((ushort)length);
        bytes.AsSpan(0, length).CopyTo(Advance(length));
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Advance(bytes.Length));

    private Span<byte> Advance(int count)
    {
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
