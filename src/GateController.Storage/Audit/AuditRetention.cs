using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Audit;

/// <summary>
/// Purges decision rows that retention has put out of date, with the access events they mirror, and moves
/// the anchor to the newest purged row. Other rows (enrolment, erasure, consent, admin, config) stay: they
/// are the evidence behind deletion receipts. A broken chain is never purged, so tampering is not laundered.
/// </summary>
internal static class AuditRetention
{
    public static (long Purged, AuditVerification? Refusal) PurgeDecisions(SqliteTransaction transaction, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var newest = transaction.Scalar<long>(
            "SELECT COALESCE(MAX(seq), 0) FROM audit WHERE kind = $kind AND time < $cutoff",
            ("$kind", nameof(AuditKind.AccessDecision)),
            ("$cutoff", StoreTime.Format(cutoff)));
        if (newest == 0)
        {
            return (0, null);
        }

        var verification = AuditVerifier.Verify(transaction);
        if (!verification.IsValid)
        {
            return (0, verification);
        }

        var newestHash = transaction.Scalar<byte[]>("SELECT hash FROM audit WHERE seq = $seq", ("$seq", newest))!;
        // By sequence, not time: the anchor must cut the chain at one point.
        var purged = transaction.Execute(
            "DELETE FROM audit WHERE kind = $kind AND seq <= $newest",
            ("$kind", nameof(AuditKind.AccessDecision)),
            ("$newest", newest));
        var kept = KeptRows(transaction, newest);
        var anchor = new AuditAnchor(newest, newestHash, kept.Count, AuditAnchor.DigestOf(kept));
        anchor.Write(transaction);
        AuditTrail.Append(transaction, now, AuditKind.AuditAnchorMoved, null, anchor.Describe(purged, StoreTime.Format(cutoff)));
        return (purged, null);
    }

    private static List<(long Sequence, byte[] Hash)> KeptRows(SqliteTransaction transaction, long anchorSequence)
    {
        using var command = transaction.Command("SELECT seq, hash FROM audit WHERE seq <= $seq ORDER BY seq").With("$seq", anchorSequence);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }
}
