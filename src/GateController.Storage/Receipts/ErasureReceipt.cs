using GateController.Core.Receipts;

namespace GateController.Storage.Receipts;

/// <summary>
/// A committed erasure with its signed receipt and where the copy was archived. <see cref="Checkpointed"/>
/// as in <c>PersonErasure</c>: false only if the WAL could not be truncated at once.
/// </summary>
public sealed record ErasureReceipt(SignedReceipt Signed, string ArchivedPath, bool Checkpointed)
{
    public DeletionReceipt Receipt => Signed.Receipt;

    /// <summary>One line for stdout and logs: counts only.</summary>
    public string Summary =>
        $"{Receipt.Action} of {Receipt.PersonId}: " +
        string.Join(", ", Receipt.Deleted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}")) +
        $"; audit row {Receipt.AuditSequence}, state {Receipt.StateHash[..16]}…";
}
