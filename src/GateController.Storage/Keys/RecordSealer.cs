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
        if (sealedRecord.Length < Overhead)
        {
            return false;
        }

        var output = GC.AllocateArray<byte>(sealedRecord.Length - Overhead, pinned: true);
        if (!TryOpenInto(key, sealedRecord, binding, output))
        {
            return false;
        }

        plaintext = output;
        return true;
    }

    /// <summary>
    /// <see cref="TryOpen"/> into the caller's (pinned) buffer, whose first <c>sealedRecord.Length - Overhead</c> bytes
    /// receive the plaintext; on failure they are zeroed. The caller zeroes them after use.
    /// </summary>
    public static bool TryOpenInto(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedRecord, RecordBinding binding, Span<byte> plaintext)
    {
        var length = sealedRecord.Length - Overhead;
        if (length < 0 || sealedRecord[0] != FormatAesGcmV1 || plaintext.Length < length)
        {
            return false;
        }

        var output = plaintext[..length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                sealedRecord.Slice(1, NonceSize),
                sealedRecord.Slice(1 + NonceSize, length),
                sealedRecord.Slice(1 + NonceSize + length, TagSize),
                output,
                binding.ToAssociatedData());
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(output);
            return false;
        }
    }
}
