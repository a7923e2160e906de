using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GateController.Storage.Keys;

namespace GateController.Storage.Backup;

/// <summary>
/// Seals a database snapshot as a whole (not only its already-sealed records: ids, dates and access
/// events are personal data too). backup key = HKDF-SHA256(master key, salt, "GateController.Backup/v1" ‖ store id),
/// a fresh salt per file, so chunk nonces can be counters. Chunks are AES-256-GCM with nonce = 0⁴ ‖ index,
/// associated data = SHA-256(header) ‖ index ‖ final flag, so a reordered, truncated or extended file fails.
/// Chunk layout: u32 plaintext length ‖ ciphertext ‖ tag(16).
/// </summary>
internal static class BackupCipher
{
    public const int ChunkSize = 1024 * 1024;
    private const int TagSize = 16;

    public static byte[] DeriveKey(MasterKey master, byte[] salt, string storeId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Bytes.ToArray(), 32, salt, Encoding.UTF8.GetBytes("GateController.Backup/v1" + storeId));

    public static void Seal(Stream plaintext, Stream destination, MasterKey master, BackupHeader header)
    {
        var key = DeriveKey(master, header.Salt, header.StoreId);
        try
        {
            var fields = header.Fields();
            destination.Write(fields);
            destination.Write(BackupHeader.KeyCheck(key, fields));
            var headerHash = SHA256.HashData(fields);
            using var aes = new AesGcm(key, TagSize);
            var buffer = new byte[header.ChunkSize];
            var next = new byte[header.ChunkSize];
            var length = plaintext.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            for (long index = 0; ; index++)
            {
                var nextLength = plaintext.ReadAtLeast(next, next.Length, throwOnEndOfStream: false);
                var final = nextLength == 0;
                WriteChunk(destination, aes, headerHash, index, final, buffer.AsSpan(0, length));
                if (final)
                {
                    return;
                }

                (buffer, next, length) = (next, buffer, nextLength);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts into <paramref name="destination"/>; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static BackupHeader Open(Stream source, Stream destination, MasterKey master, string path)
    {
        var (header, fields, keyCheck) = BackupHeader.Read(source, path);
        var key = DeriveKey(master, header.Salt, header.StoreId);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(BackupHeader.KeyCheck(key, fields), keyCheck))
            {
                throw new InvalidDataException(
                    $"Backup '{path}' (store {header.StoreId}, {header.CreatedAt}) is not sealed under this device's master key (or its header was altered); it cannot be restored with this key.");
            }

            var headerHash = SHA256.HashData(fields);
            using var aes = new AesGcm(key, TagSize);
            Span<byte> lengthBytes = stackalloc byte[4];
            for (long index = 0; ; index++)
            {
                if (source.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) < 4)
                {
                    throw new InvalidDataException($"Backup '{path}' is truncated: it ends after {index} chunk(s) without its final chunk.");
                }

                var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
                if (length < 0 || length > header.ChunkSize)
                {
                    throw new InvalidDataException($"Backup '{path}' chunk {index} declares {length} bytes; the file is damaged.");
                }

                var sealedChunk = new byte[length + TagSize];
                if (source.ReadAtLeast(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false) < sealedChunk.Length)
                {
                    throw new InvalidDataException($"Backup '{path}' is truncated inside chunk {index}.");
                }

                var plaintext = new byte[length];
                var final = TryDecrypt(aes, headerHash, index, final: true, sealedChunk, plaintext);
                if (!final && !TryDecrypt(aes, headerHash, index, final: false, sealedChunk, plaintext))
                {
                    throw new InvalidDataException($"Backup '{path}' chunk {index} fails authentication: the file was damaged or altered.");
                }

                destination.Write(plaintext);
                if (final)
                {
                    if (source.ReadByte() != -1)
                    {
                        throw new InvalidDataException($"Backup '{path}' has data after its final chunk; the file was altered.");
                    }

                    return header;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void WriteChunk(Stream destination, AesGcm aes, byte[] headerHash, long index, bool final, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[4 + plaintext.Length + TagSize];
        BinaryPrimitives.WriteInt32BigEndian(output, plaintext.Length);
        aes.Encrypt(Nonce(index), plaintext, output.AsSpan(4, plaintext.Length), output.AsSpan(4 + plaintext.Length), AssociatedData(headerHash, index, final));
        destination.Write(output);
    }

    private static bool TryDecrypt(AesGcm aes, byte[] headerHash, long index, bool final, byte[] sealedChunk, byte[] plaintext)
    {
        try
        {
            aes.Decrypt(Nonce(index), sealedChunk.AsSpan(0, plaintext.Length), sealedChunk.AsSpan(plaintext.Length), plaintext, AssociatedData(headerHash, index, final));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static byte[] Nonce(long index)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }

    private static byte[] AssociatedData(byte[] headerHash, long index, bool final)
    {
        var data = new byte[headerHash.Length + 9];
        headerHash.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(headerHash.Length), index);
        data[^1] = final ? (byte)1 : (byte)0;
        return data;
    }
}
