namespace GateController.Storage.Audit;

/// <summary>
/// The result of walking the audit chain: valid with the number of rows, the retention anchor it started
/// from (if any) and the head hash; or the first bad row (<see cref="FirstBadSequence"/>) and what is wrong with it.
/// </summary>
public sealed record AuditVerification(bool IsValid, long RowsChecked, long? FirstBadSequence, string Message)
{
    /// <summary>The sequence of the newest purged row verification started from, or null with no purge yet.</summary>
    public long? AnchorSequence { get; init; }

    /// <summary>Hex SHA-256 of the newest row (the chain head); empty when broken.</summary>
    public string HeadHash { get; init; } = "";

    public static AuditVerification Valid(long rows, long? anchorSequence, ReadOnlySpan<byte> headHash) =>
        new(true, rows, null, anchorSequence is { } anchor
            ? $"audit chain valid: {rows} rows (verified from the retention anchor at row {anchor})"
            : $"audit chain valid: {rows} rows")
        {
            AnchorSequence = anchorSequence,
            HeadHash = Convert.ToHexStringLower(headHash),
        };

    public static AuditVerification Broken(long rowsChecked, long sequence, string problem) =>
        new(false, rowsChecked, sequence, $"audit chain broken at row {sequence}: {problem}");
}
