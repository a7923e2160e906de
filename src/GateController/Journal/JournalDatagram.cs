using System.Buffers.Binary;
using System.Text;

namespace GateController.Journal;

/// <summary>
/// The native journal protocol (systemd.io/JOURNAL_NATIVE_PROTOCOL): one datagram of fields, each
/// <c>NAME=value\n</c>, or for a value holding a newline <c>NAME\n</c> + 64-bit little-endian length +
/// value + <c>\n</c>. Names are upper-case letters, digits and underscores, not starting with one.
/// </summary>
internal static class JournalDatagram
{
    public static byte[] Encode(IEnumerable<(string Name, string Value)> fields)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[8];
        foreach (var (name, value) in fields)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"Journal field name '{name}' is not upper-case letters, digits and underscores.", nameof(fields));
            }

            var nameBytes = Encoding.ASCII.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            buffer.Write(nameBytes);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                buffer.WriteByte((byte)'\n');
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)valueBytes.Length);
                buffer.Write(length);
            }
            else
            {
                buffer.WriteByte((byte)'=');
            }

            buffer.Write(valueBytes);
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name[0] != '_' && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
