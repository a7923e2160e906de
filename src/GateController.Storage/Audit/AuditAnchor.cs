using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Audit;

/// <summary>
/// Where verification starts once retention has purged old decision rows: the newest purged row's sequence
/// and hash, plus the count and digest of the rows kept at or below it (enrolments, erasures, admin commands
/// are never purged). Kept in <c>meta</c> and repeated in the <see cref="AuditKind.AuditAnchorMoved"/> row
/// that moved it, so deleting or replacing the anchor in <c>meta</c> is detected (README.md, "Audit chain").
/// </summary>
internal sealed record AuditAnchor(long Sequence, byte[] Hash, long KeptRows, byte[] KeptDigest)
{
    public const string MetaName = "audit_anchor";
    private const int EncodedLength = 8 + AuditChain.HashSize + 8 + AuditChain.HashSize;
    private const string DigestDomain = "GateController.AuditAnchor/v1";

    public static AuditAnchor? Read(SqliteTransaction transaction) =>
        StoreMeta.Read(transaction, MetaName) is { Length: EncodedLength } value
            ? new AuditAnchor(
                BinaryPrimitives.ReadInt64BigEndian(value),
                value[8..(8 + AuditChain.HashSize)],
                BinaryPrimitives.ReadInt64BigEndian(value.AsSpan(8 + AuditChain.HashSize)),
                value[(16 + AuditChain.HashSize)..])
            : null;

    public void Write(SqliteTransaction transaction)
    {
        var value = new byte[EncodedLength];
        BinaryPrimitives.WriteInt64BigEndian(value, Sequence);
        Hash.CopyTo(value, 8);
        BinaryPrimitives.WriteInt64BigEndian(value.AsSpan(8 + AuditChain.HashSize), KeptRows);
        KeptDigest.CopyTo(value, 16 + AuditChain.HashSize);
        StoreMeta.Write(transaction, MetaName, value);
    }

    /// <summary>The detail of the row that moved the anchor; <see cref="TryParse"/> reads it back.</summary>
    public string Describe(long purged, string cutoff) =>
        $"anchor {Sequence} {Convert.ToHexStringLower(Hash)} kept {KeptRows} {Convert.ToHexStringLower(KeptDigest)}; " +
        $"{purged} decision rows before {cutoff} purged by retention";

    public static bool TryParse(string detail, out AuditAnchor? anchor)
    {
        anchor = null;
        var words = detail.Split(' ', 6);
        if (words.Length < 5 || words[0] != "anchor" || words[3] != "kept"
            || !long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(words[4], NumberStyles.None, CultureInfo.InvariantCulture, out var kept)
            || words.Length < 6 || words[5].Split(';')[0] is not { Length: AuditChain.HashSize * 2 } digest
            || words[2].Length != AuditChain.HashSize * 2)
        {
            return false;
        }

        try
        {
            anchor = new AuditAnchor(sequence, Convert.FromHexString(words[2]), kept, Convert.FromHexString(digest));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool SameAs(AuditAnchor other) =>
        Sequence == other.Sequence && KeptRows == other.KeptRows
        && Hash.AsSpan().SequenceEqual(other.Hash) && KeptDigest.AsSpan().SequenceEqual(other.KeptDigest);

    /// <summary>SHA-256 over the (sequence, hash) of every kept row at or below the anchor, in order.</summary>
    public static byte[] DigestOf(IEnumerable<(long Sequence, byte[] Hash)> keptRows)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        digest.AppendData(System.Text.Encoding.UTF8.GetBytes(DigestDomain));
        Span<byte> number = stackalloc byte[8];
        foreach (var (sequence, hash) in keptRows)
        {
            BinaryPrimitives.WriteInt64BigEndian(number, sequence);
            digest.AppendData(number);
            digest.AppendData(hash);
        }

        return digest.GetHashAndReset();
    }
}
