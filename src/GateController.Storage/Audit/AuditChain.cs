using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Storage.Audit;

/// <summary>
/// hash = SHA-256(canonical(seq, time, kind, subject, detail) || prev_hash). The canonical form
/// length-prefixes every field and marks a null subject, so no two different rows hash alike.
/// The first row's previous hash is 32 zero bytes.
/// </summary>
internal static class AuditChain
{
    public const int HashSize = 32;
    private const string Domain = "GateController.Audit/v1";

    public static byte[] Genesis => new byte[HashSize];

    public static byte[] Hash(long sequence, string time, string kind, string? subject, string detail, ReadOnlySpan<byte> previousHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, Domain);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        hash.AppendData(number);
        AppendText(hash, time);
        AppendText(hash, kind);
        if (subject is null)
        {
            hash.AppendData([0]);
        }
        else
        {
            hash.AppendData([1]);
            AppendText(hash, subject);
        }

        AppendText(hash, detail);
        hash.AppendData(previousHash);
        return hash.GetHashAndReset();
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
