using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Core.Receipts;

/// <summary>
/// The store's state in 32 bytes, as a receipt records it:
/// <c>SHA-256("GateController.StateHash/v1" ‖ store id ‖ audit seq ‖ audit hash ‖ n ‖ (table, count)×n)</c>,
/// texts length-prefixed (u32 big-endian), numbers i64 big-endian, tables in ordinal order. The audit
/// hash already chains every earlier audited change, so this pins "the store as it was right after this
/// deletion"; the counts let an auditor see that the person's rows went and nothing else did.
/// </summary>
public static class StoreStateHash
{
    private const string Domain = "GateController.StateHash/v1";

    public static string Compute(string storeId, long auditSequence, ReadOnlySpan<byte> auditHash, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(counts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CanonicalWriter.AppendText(hash, Domain);
        CanonicalWriter.AppendText(hash, storeId);
        CanonicalWriter.AppendInt64(hash, auditSequence);
        hash.AppendData(auditHash);
        CanonicalWriter.AppendCounts(hash, counts);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Length-prefixed encoding shared by the state hash and the signed receipt bytes.</summary>
internal static class CanonicalWriter
{
    public static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    public static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, value);
        hash.AppendData(number);
    }

    public static void AppendCounts(IncrementalHash hash, IReadOnlyDictionary<string, long> counts)
    {
        AppendInt64(hash, counts.Count);
        foreach (var (name, count) in counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            AppendText(hash, name);
            AppendInt64(hash, count);
        }
    }
}
