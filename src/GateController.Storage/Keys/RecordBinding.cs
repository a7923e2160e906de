using System.Buffers.Binary;
using System.Text;

namespace GateController.Storage.Keys;

/// <summary>
/// The associated data of a sealed record: format version, kind, person id and record id, each
/// length-prefixed so no two bindings encode to the same bytes. A ciphertext copied to another row,
/// person or kind fails authentication.
/// </summary>
internal readonly record struct RecordBinding(RecordKind Kind, string PersonId, string RecordId)
{
    private const string Domain = "GateController.Storage/v1";

    public static RecordBinding For(RecordKind kind, string personId, long recordId) =>
        new(kind, personId, recordId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public byte[] ToAssociatedData()
    {
        var buffer = new List<byte>(64);
        Append(buffer, Domain);
        buffer.Add((byte)Kind);
        Append(buffer, PersonId);
        Append(buffer, RecordId);
        return [.. buffer];
    }

    private static void Append(List<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.AddRange(length);
        buffer.AddRange(bytes);
    }

    public override string ToString() => $"{Kind} #{RecordId} of person '{PersonId}'";
}
