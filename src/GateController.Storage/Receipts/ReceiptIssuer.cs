using GateController.Core.Receipts;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Receipts;

/// <summary>
/// Signs a receipt inside the deletion's own transaction, so the state hash is the state the deletion
/// committed, with no other change in between.
/// </summary>
internal static class ReceiptIssuer
{
    public static SignedReceipt Issue(
        SqliteTransaction transaction, MasterKey master, string action, string personId, IReadOnlyDictionary<string, long> deleted, long auditSequence)
    {
        var storeId = StoreMeta.StoreId(transaction);
        using var command = transaction.Command("SELECT time, hash FROM audit WHERE seq = $seq").With("$seq", auditSequence);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Audit row {auditSequence} does not exist; a receipt must name the deletion's own audit row.");
        }

        var time = reader.GetString(0);
        var auditHash = (byte[])reader.GetValue(1);
        var counts = StoreCounts.Read(transaction);
        var receipt = new DeletionReceipt
        {
            ReceiptId = Guid.CreateVersion7().ToString(),
            StoreId = storeId,
            Action = action,
            PersonId = personId,
            DeletedAt = time,
            Deleted = deleted,
            AuditSequence = auditSequence,
            AuditHash = Convert.ToHexStringLower(auditHash),
            StoreCounts = counts,
            StateHash = StoreStateHash.Compute(storeId, auditSequence, auditHash, counts),
        };
        using var key = DeviceSigningKey.GetOrCreate(transaction, master);
        return SignedReceipt.Sign(receipt, key);
    }
}
