namespace GateController.Storage.Audit;

/// <summary>
/// The result of walking the audit chain: valid with the number of rows, or the first bad row
/// (<see cref="FirstBadSequence"/>) and what is wrong with it.
/// </summary>
public sealed record AuditVerification(bool IsValid, long RowsChecked, long? FirstBadSequence, string Message)
{
    public static AuditVerification Valid(long rows) => new(true, rows, null, $"audit chain valid: {rows} rows");

    public static AuditVerification Broken(long rowsChecked, long sequence, string problem) =>
        new(false, rowsChecked, sequence, $"audit chain broken at row {sequence}: {problem}");
}
