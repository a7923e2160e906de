using GateController.Core.Receipts;
using GateController.Storage.Database;
using GateController.Storage.Faces;
using GateController.Storage.Persons;
using GateController.Storage.Receipts;

namespace GateController.Storage.Store;

/// <summary>
/// Erasures that come with a signed deletion receipt (issue #4), and the device key that signs them.
/// The receipt is made in the erasure's own transaction; the archive copy is written after commit.
/// </summary>
public sealed partial class GateStore
{
    private string DataDirectory => Path.GetDirectoryName(_database.Path)!;

    /// <summary><see cref="DeletePerson"/>, plus a receipt signed by the device key and archived.</summary>
    public StoreResult<ErasureReceipt> DeletePersonWithReceipt(string id)
    {
        if (!PersonId.IsValid(id))
        {
            return StoreResult<ErasureReceipt>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(id));
        }

        var now = _time.GetUtcNow();
        var signed = WriteWithReceipt(transaction =>
        {
            var erasure = PersonLifecycle.Erase(transaction, id, now);
            return erasure is null ? null : ReceiptIssuer.Issue(transaction, _masterKey, ReceiptActions.PersonDelete, id, new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["dataKeys"] = erasure.DataKeysDestroyed,
                ["faceTemplates"] = erasure.FaceTemplatesDeleted,
                ["faceConsents"] = erasure.FaceConsentsDeleted,
                ["cards"] = erasure.CardsDeleted,
                ["normalPins"] = erasure.NormalPinsDeleted,
                ["duressPins"] = erasure.DuressPinsDeleted,
                ["groupMemberships"] = erasure.GroupMembershipsDeleted,
                ["validityPeriods"] = erasure.ValidityPeriodsDeleted,
                ["persons"] = 1,
            }, erasure.AuditSequence);
        });
        if (signed is null)
        {
            return Refuse<ErasureReceipt>(StoreRefusalReason.PersonNotFound, id, $"Person '{id}' does not exist.");
        }

        var result = Checkpointed(signed);
        Announce(StoreChanges.PersonErased, id);
        Log.PersonErased(_logger, Pseudonyms.Of(id), (int)result.Receipt.Deleted["dataKeys"], (int)result.Receipt.Deleted["faceTemplates"], (int)result.Receipt.Deleted["faceConsents"]);
        return StoreResult<ErasureReceipt>.Done(result);
    }

    /// <summary><see cref="WithdrawFace"/>, plus a signed, archived receipt. Cards, PIN and name stay.</summary>
    public StoreResult<ErasureReceipt> WithdrawFaceWithReceipt(string id) => WithdrawFaceWithReceipt(id, ReceiptActions.FaceWithdraw);

    /// <summary>The device's receipt-signing public key (SubjectPublicKeyInfo DER); created on first use.</summary>
    public byte[] DevicePublicKey() => _database.Write(transaction => DeviceSigningKey.PublicKey(transaction, _masterKey));

    public string StoreId => _database.Read(StoreMeta.StoreId);

    /// <summary>
    /// Whether this store issued <paramref name="signed"/>: its store id, its device key, and an audit row
    /// with the receipt's sequence and hash. Null when it did; otherwise what does not match.
    /// </summary>
    public string? ConfirmReceipt(SignedReceipt signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var receipt = signed.Receipt;
        return _database.Write(transaction =>
        {
            var storeId = StoreMeta.StoreId(transaction);
            if (receipt.StoreId != storeId)
            {
                return $"the receipt names store {receipt.StoreId}; this device's store is {storeId}";
            }

            var publicKey = DeviceSigningKey.PublicKey(transaction, _masterKey);
            if (!publicKey.AsSpan().SequenceEqual(signed.PublicKey))
            {
                return $"the receipt was signed by key {signed.KeyFingerprint}; this device's key is {SignedReceipt.Fingerprint(publicKey)}";
            }

            using var command = transaction.Command("SELECT hash FROM audit WHERE seq = $seq").With("$seq", receipt.AuditSequence);
            return command.ExecuteScalar() is byte[] hash && Convert.ToHexStringLower(hash) == receipt.AuditHash
                ? null
                : $"audit row {receipt.AuditSequence} of this store does not have hash {receipt.AuditHash} (the store was restored from an older backup, or the receipt is not from this chain)";
        });
    }

    internal StoreResult<ErasureReceipt> WithdrawFaceWithReceipt(string id, string action)
    {
        if (!PersonId.IsValid(id))
        {
            return StoreResult<ErasureReceipt>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(id));
        }

        var now = _time.GetUtcNow();
        var signed = WriteWithReceipt(transaction =>
        {
            var withdrawal = FaceLifecycle.Withdraw(transaction, id, now);
            return withdrawal is null ? null : ReceiptIssuer.Issue(transaction, _masterKey, action, id, FaceCounts(withdrawal), withdrawal.AuditSequence);
        });
        if (signed is null)
        {
            return Refuse<ErasureReceipt>(StoreRefusalReason.PersonNotFound, id, $"Person '{id}' does not exist.");
        }

        var result = Checkpointed(signed);
        Log.FaceWithdrawn(_logger, id, (int)result.Receipt.Deleted["faceKeys"], (int)result.Receipt.Deleted["faceTemplates"], (int)result.Receipt.Deleted["faceConsents"]);
        return StoreResult<ErasureReceipt>.Done(result);
    }

    private static Dictionary<string, long> FaceCounts(FaceWithdrawal withdrawal) => new(StringComparer.Ordinal)
    {
        ["faceKeys"] = withdrawal.DataKeysDestroyed,
        ["faceTemplates"] = withdrawal.FaceTemplatesDeleted,
        ["faceConsents"] = withdrawal.FaceConsentsDeleted,
    };

    /// <summary>
    /// Archives the receipt before the erasure commits (write-ahead), so every acknowledged erasure has its
    /// archived receipt and a restore can re-apply it. If the commit fails the file is removed; if the process
    /// dies between the two, the receipt outlives an erasure that did not commit: a restore then erases that
    /// person anyway (they asked), and the daemon reports the receipt as not in its audit chain.
    /// </summary>
    private (SignedReceipt Signed, string Path)? WriteWithReceipt(Func<Microsoft.Data.Sqlite.SqliteTransaction, SignedReceipt?> erase)
    {
        string? archived = null;
        try
        {
            var signed = _database.Write(transaction =>
            {
                var issued = erase(transaction);
                archived = issued is null ? null : ReceiptArchive.Save(DataDirectory, issued);
                return issued;
            });
            return signed is null ? null : (signed, archived!);
        }
        catch
        {
            if (archived is not null)
            {
                File.Delete(archived);
            }

            throw;
        }
    }

    private ErasureReceipt Checkpointed((SignedReceipt Signed, string Path)? written)
    {
        var (signed, path) = written!.Value;
        var checkpointed = CheckpointAfterErasure(signed.Receipt.PersonId);
        Log.ReceiptIssued(_logger, signed.Receipt.Action, Pseudonyms.Of(signed.Receipt.PersonId), signed.Receipt.AuditSequence, Path.GetDirectoryName(path) ?? path);
        return new ErasureReceipt(signed, path, checkpointed);
    }
}
