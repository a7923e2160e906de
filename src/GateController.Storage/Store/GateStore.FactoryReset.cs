using GateController.Core.Receipts;
using GateController.Storage.Audit;
using GateController.Storage.Receipts;

namespace GateController.Storage.Store;

/// <summary>
/// The receipt of a factory reset. The erasure itself is of files (the key, the database, backups, the archive), done by
/// the caller once this returns: nothing in the store can sign after its key is gone, so the receipt comes first.
/// </summary>
public sealed partial class GateStore
{
    /// <summary>
    /// Appends a <see cref="AuditKind.FactoryReset"/> row and signs, in the same transaction, a receipt whose
    /// <c>deleted</c> is every counted table's rows plus <paramref name="files"/> (kind → count of what the caller erases
    /// besides the store: the key, backups, receipts). Returns it with the device's public key (SPKI DER), so it can be
    /// verified offline after the device's key is gone.
    /// </summary>
    public (SignedReceipt Receipt, byte[] PublicKey) IssueFactoryResetReceipt(IReadOnlyDictionary<string, long> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var now = _time.GetUtcNow();
        return _database.Write(transaction =>
        {
            var deleted = new Dictionary<string, long>(StoreCounts.Read(transaction), StringComparer.Ordinal);
            foreach (var (kind, count) in files)
            {
                deleted[kind] = count;
            }

            var sequence = AuditTrail.Append(transaction, now, AuditKind.FactoryReset, null,
                $"factory reset: {string.Join(", ", deleted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"))} to be erased");
            var receipt = ReceiptIssuer.Issue(transaction, _masterKey, ReceiptActions.FactoryReset, ReceiptActions.EveryPerson, deleted, sequence);
            return (receipt, DeviceSigningKey.PublicKey(transaction, _masterKey));
        });
    }
}
