using System.Security.Cryptography;

namespace GateController.Storage.Keys;

/// <summary>
/// AES-256-GCM over one record. Layout: format byte, 12-byte random nonce, ciphertext, 16-byte tag.
/// The format byte lets a later algorithm coexist with this one without a migration.
/// </summary>
internal static class RecordSealer
{
    public const byte FormatAesGcmV1 = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, RecordBinding binding)
    {
        var sealedRecord = new byte[Overhead + plaintext.Length];
        sealedRecord[0] = FormatAesGcmV1;
        var nonce = sealedRecord.AsSpan(1, NonceSize);
        var ciphertext = sealedRecord.AsSpan(1 + NonceSize, plaintext.Length);
        var tag = sealedRecord.AsSpan(1 + NonceSize + plaintext.Length, TagSize);
        // Random nonces: a key seals at most a few hundred records, far below the 2^32 bound for 96-bit random nonces.
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, binding.ToAssociatedData());
        return sealedRecord;
    }

    /// <summary>
    /// Opens a record, or returns false (never partial plaintext) when it is malformed, sealed under
    /// another key, or bound to another record. The caller zeroes <paramref name="plaintext"/> after use.
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedRecord, RecordBinding binding, out byte[] plaintext)
    {
        plaintext = [];
        if (sealedRecord.Length < Overhead || sealedRecord[0] != FormatAesGcmV1)
        {
            return false;
        }

        var length = sealedRecord.Length - Overhead;
        var output = GC.AllocateArray<byte>(length, pinned: true);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                sealedRecord.Slice(1, NonceSize),
                sealedRecord.Slice(1 + NonceSize, length),
                sealedRecord.Slice(1 + NonceSize + length, TagSize),
                output,
                binding.ToAssociatedData());
            plaintext = output;
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(output);
            return false;
        }
    }
}
