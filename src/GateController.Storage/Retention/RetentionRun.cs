using GateController.Storage.Receipts;

namespace GateController.Storage.Retention;

/// <summary>What one retention pass erased: a receipt per person whose face data went, and the events purged.</summary>
public sealed record RetentionRun(DateTimeOffset At, IReadOnlyList<ErasureReceipt> FaceErasures, int AccessEventsPurged)
{
    /// <summary>Decision rows purged from the audit chain behind the moved anchor (0 when the chain was broken: see the log).</summary>
    public long DecisionAuditRowsPurged { get; init; }
}
