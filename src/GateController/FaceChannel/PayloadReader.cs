using System.Buffers.Binary;
using System.Text;

namespace GateController.FaceChannel;

/// <summary>
/// Little-endian fields out of a received payload. Every read is bounds-checked and every float must be
/// finite: a short, long or poisoned payload is a <see cref="FaceChannelViolationException"/>, never a value.
/// </summary>
public ref struct PayloadReader(ReadOnlySpan<byte> payload, FaceMessageType type)
{
    public const int MaximumStringBytes = 1024;

    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly int Remaining => _payload.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float ReadSingle()
    {
        var value = BinaryPrimitives.ReadSingleLittleEndian(Take(4));
        return float.IsFinite(value) ? value : throw new FaceChannelViolationException($"a {type} message carries a value that is not a finite number");
    }

    public void ReadSingles(Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadSingle();
        }
    }

    public string ReadString()
    {
        var length = ReadUInt16();
        if (length > MaximumStringBytes)
        {
            throw new FaceChannelViolationException($"a {type} message carries a string of {length} bytes (limit {MaximumStringBytes})");
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    public ReadOnlySpan<byte> ReadRest() => Take(Remaining);

    /// <summary>Called after the last field: a longer payload than its layout is as wrong as a shorter one.</summary>
    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw new FaceChannelViolationException($"a {type} message is {Remaining} bytes longer than its layout");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new FaceChannelViolationException($"a {type} message is shorter than its layout");
        }

        var span = _payload.Slice(_position, count);
        _position += count;
        return span;
    }
}
