using System.Text.Json.Nodes;
using GateController.Core.Receipts;
using GateController.Storage.Receipts;

namespace GateController.Privacy;

/// <summary>The answer to an erasure: counts, a one-line summary, and the signed receipt as gatectl writes it to <c>--receipt</c>.</summary>
internal static class ErasureJson
{
    public static JsonObject From(ErasureReceipt erasure)
    {
        var receipt = erasure.Receipt;
        var deleted = new JsonObject();
        foreach (var (kind, count) in receipt.Deleted.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            deleted[kind] = count;
        }

        return new JsonObject
        {
            ["id"] = receipt.PersonId,
            ["action"] = receipt.Action,
            ["erasedAt"] = receipt.DeletedAt,
            ["deleted"] = deleted,
            ["auditSequence"] = receipt.AuditSequence,
            ["checkpointed"] = erasure.Checkpointed,
            ["summary"] = erasure.Summary,
            ["receiptArchivedAt"] = erasure.ArchivedPath,
            ["receipt"] = ReceiptJson.ToNode(erasure.Signed),
        };
    }
}
