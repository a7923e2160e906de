using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Storage.Backup;

/// <summary>
/// The plain header of a backup file: which store, when, at which audit row, under which salt. Every
/// chunk's associated data includes the header's hash, and <see cref="KeyCheck"/> (HMAC under the
/// backup key) tells "another master key" apart from "damaged chunk" with one clear message.
/// Layout: "GATEBAK1" ‖ u16 version ‖ text store id ‖ text created ‖ i64 audit seq ‖ text audit time ‖
/// i32 schema ‖ salt(32) ‖ u32 chunk size ‖ key check(32); texts are u16-length-prefixed UTF-8.
/// </summary>
internal sealed record BackupHeader(string StoreId, string CreatedAt, long AuditSequence, string AuditTime, int SchemaVersion, byte[] Salt, int ChunkSize)
{
    public const int SaltSize = 32;
    public const int KeyCheckSize = 32;
    private const ushort Version = 1;
    private static readonly byte[] Magic = "GATEBAK1"u8.ToArray();

    /// <summary>The fields before the key check, exactly as written.</summary>
    public byte[] Fields()
    {
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(number, Version);
        buffer.Write(number[..2]);
        WriteText(buffer, StoreId);
        WriteText(buffer, CreatedAt);
        BinaryPrimitives.WriteInt64BigEndian(number, AuditSequence);
        buffer.Write(number);
        WriteText(buffer, AuditTime);
        BinaryPrimitives.WriteInt32BigEndian(number, SchemaVersion);
        buffer.Write(number[..4]);
        buffer.Write(Salt);
        BinaryPrimitives.WriteInt32BigEndian(number, ChunkSize);
        buffer.Write(number[..4]);
        return buffer.ToArray();
    }

    public static byte[] KeyCheck(ReadOnlySpan<byte> backupKey, byte[] fields) => HMACSHA256.HashData(backupKey, fields);

    /// <summary>Reads the header and returns its field bytes and stored key check; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static (BackupHeader Header, byte[] Fields, byte[] KeyCheck) Read(Stream stream, string path)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var start = stream.Position;
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"'{path}' is not a gate-controller backup (no GATEBAK1 header).");
            }

            var version = BinaryPrimitives.ReverseEndianness(reader.ReadUInt16());
            if (version != Version)
            {
                throw new InvalidDataException($"Backup '{path}' has format version {version}; this build reads version {Version}.");
            }

            var header = new BackupHeader(
                ReadText(reader),
                ReadText(reader),
                BinaryPrimitives.ReverseEndianness(reader.ReadInt64()),
                ReadText(reader),
                BinaryPrimitives.ReverseEndianness(reader.ReadInt32()),
                reader.ReadBytes(SaltSize),
                BinaryPrimitives.ReverseEndianness(reader.ReadInt32()));
            var length = stream.Position - start;
            var keyCheck = reader.ReadBytes(KeyCheckSize);
            if (header.Salt.Length != SaltSize || keyCheck.Length != KeyCheckSize || header.ChunkSize is <= 0 or > 16 * 1024 * 1024)
            {
                throw new InvalidDataException($"Backup '{path}' has a truncated or damaged header.");
            }

            stream.Position = start;
            var fields = reader.ReadBytes((int)length);
            stream.Position += KeyCheckSize;
            return (header, fields, keyCheck);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Backup '{path}' ends inside its header: the file is truncated.");
        }
    }

    private static void WriteText(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)bytes.Length));
        stream.Write(length);
        stream.Write(bytes);
    }

    private static string ReadText(BinaryReader reader)
    {
        var length = BinaryPrimitives.ReverseEndianness(reader.ReadUInt16());
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? Encoding.UTF8.GetString(bytes) : throw new EndOfStreamException();
    }
}
