using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Audit;

/// <summary>
/// Walks the chain and names the first bad row. Without an anchor the walk starts at row 1 from the
/// genesis hash. With one (retention purged decision rows up to it), the kept rows at or below the anchor
/// are checked one by one and against the anchor's count and digest, and the walk continues from the
/// anchor's hash at the row after it. The anchor itself must match the one its chain row recorded.
/// </summary>
internal static class AuditVerifier
{
    private const string Columns = "seq, time, kind, subject, detail, prev_hash, hash";

    public static AuditVerification Verify(SqliteTransaction transaction)
    {
        var anchor = AuditAnchor.Read(transaction);
        if (CheckAnchorRecord(transaction, anchor) is { } anchorProblem)
        {
            return anchorProblem;
        }

        using var command = transaction.Command($"SELECT {Columns} FROM audit ORDER BY seq");
        using var reader = command.ExecuteReader();
        var walk = new AuditChainWalk(anchor);
        while (reader.Read())
        {
            var row = new AuditRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), (byte[])reader.GetValue(5), (byte[])reader.GetValue(6));
            if (walk.Step(row) is { } problem)
            {
                return problem;
            }
        }

        if (walk.FinishKept() is { } keptProblem)
        {
            return keptProblem;
        }

        var (headSequence, headHash) = AuditTrail.Head(transaction);
        var lastSequence = walk.ExpectedSequence - 1;
        if (headSequence != lastSequence || !headHash.AsSpan().SequenceEqual(walk.PreviousHash))
        {
            return AuditVerification.Broken(walk.RowsChecked, lastSequence + 1,
                $"the chain ends at row {lastSequence} but the recorded head is row {headSequence}; the newest rows were deleted");
        }

        return AuditVerification.Valid(walk.RowsChecked, anchor?.Sequence, walk.PreviousHash);
    }

    /// <summary>The anchor in <c>meta</c> must be the one the newest <see cref="AuditKind.AuditAnchorMoved"/> row recorded.</summary>
    private static AuditVerification? CheckAnchorRecord(SqliteTransaction transaction, AuditAnchor? anchor)
    {
        using var command = transaction.Command("SELECT seq, detail FROM audit WHERE kind = $kind ORDER BY seq DESC LIMIT 1")
            .With("$kind", nameof(AuditKind.AuditAnchorMoved));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return anchor is null ? null : AuditVerification.Broken(0, anchor.Sequence,
                "meta holds a retention anchor that no audit row recorded; the anchor was forged");
        }

        var recordedBy = reader.GetInt64(0);
        if (!AuditAnchor.TryParse(reader.GetString(1), out var recorded))
        {
            return AuditVerification.Broken(0, recordedBy, "its retention anchor cannot be read; the row was edited");
        }

        if (anchor is null)
        {
            return AuditVerification.Broken(0, recorded!.Sequence,
                $"the retention anchor at row {recorded.Sequence}, recorded by row {recordedBy}, is missing from meta; the anchor was deleted");
        }

        return anchor.SameAs(recorded!) ? null : AuditVerification.Broken(0, anchor.Sequence,
            $"the retention anchor in meta (row {anchor.Sequence}) differs from the one row {recordedBy} recorded (row {recorded!.Sequence}); the anchor was replaced");
    }
}
