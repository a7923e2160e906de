using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Audit;

/// <summary>
/// Appends to and verifies the hash-chained audit table. Appends run inside the caller's
/// transaction, so an audited change and its audit row commit together or not at all. The chain
/// head is also kept in <c>meta</c>, so deleting the newest rows is detected too.
/// </summary>
internal static class AuditTrail
{
    private const string HeadName = "audit_head";

    public static long Append(SqliteTransaction transaction, DateTimeOffset now, AuditKind kind, string? subject, string detail)
    {
        var (lastSequence, lastHash) = Head(transaction);
        var sequence = lastSequence + 1;
        var time = StoreTime.Format(now);
        var kindName = kind.ToString();
        var hash = AuditChain.Hash(sequence, time, kindName, subject, detail, lastHash);
        transaction.Execute(
            "INSERT INTO audit (seq, time, kind, subject, detail, prev_hash, hash) VALUES ($seq, $time, $kind, $subject, $detail, $prev, $hash)",
            ("$seq", sequence),
            ("$time", time),
            ("$kind", kindName),
            ("$subject", subject),
            ("$detail", detail),
            ("$prev", lastHash),
            ("$hash", hash));
        transaction.Execute(
            "INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("$name", HeadName),
            ("$value", EncodeHead(sequence, hash)));
        return sequence;
    }

    public static AuditVerification Verify(SqliteTransaction transaction) => AuditVerifier.Verify(transaction);

    public static IReadOnlyList<AuditEntry> Recent(SqliteTransaction transaction, int count)
    {
        using var command = transaction
            .Command("SELECT seq, time, kind, subject, detail, prev_hash, hash FROM (SELECT * FROM audit ORDER BY seq DESC LIMIT $count) ORDER BY seq")
            .With("$count", count);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                StoreTime.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                (byte[])reader.GetValue(5),
                (byte[])reader.GetValue(6)));
        }

        return entries;
    }

    internal static (long Sequence, byte[] Hash) Head(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT value FROM meta WHERE name = $name").With("$name", HeadName);
        if (command.ExecuteScalar() is not byte[] { Length: 8 + AuditChain.HashSize } head)
        {
            return (0, AuditChain.Genesis);
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(head), head[8..]);
    }

    private static byte[] EncodeHead(long sequence, byte[] hash)
    {
        var head = new byte[8 + AuditChain.HashSize];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(head, sequence);
        hash.CopyTo(head, 8);
        return head;
    }
}
