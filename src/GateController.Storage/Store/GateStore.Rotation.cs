using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Rotation;

namespace GateController.Storage.Store;

/// <summary>Master key rotation.</summary>
public sealed partial class GateStore
{
    /// <summary>
    /// Re-wraps every data key and master-sealed meta record under a fresh master key in one transaction.
    /// Crash ordering (see <see cref="KeyRotationRecovery"/>): 1. the new key is written to the pending
    /// file (0600, fsync, rename, directory fsync) while the old key file stays; 2. the re-wrap and its
    /// audit row commit (WAL fsync); 3. the in-memory key is swapped under the same lock; 4. the pending
    /// file is renamed over the key file (directory fsync). A crash before 2 leaves the old key valid; after
    /// 2 the next start installs the pending key. <paramref name="keySource"/> is where the daemon loads
    /// the key from: a systemd credential cannot be rewritten, so the operator seals the pending file.
    /// </summary>
    public KeyRotationResult RotateMasterKey(IMasterKeySource keySource)
    {
        ArgumentNullException.ThrowIfNull(keySource);
        var pending = KeyRotationFiles.PendingPath(keySource, DataDirectory);
        using var next = MasterKey.CreateRandom();
        DurableFile.WriteAtomically(pending, next.Bytes);
        (int DataKeys, int MetaRecords, long Audit) rewrapped;
        try
        {
            rewrapped = _database.Exclusive(_ =>
            {
                var counts = _database.Write(transaction =>
                {
                    var (dataKeys, metaRecords) = MasterKeyRotation.Rewrap(transaction, _masterKey, next);
                    var audit = AuditTrail.Append(transaction, _time.GetUtcNow(), AuditKind.MasterKeyRotated, null,
                        $"master key rotated: {dataKeys} data keys and {metaRecords} meta records re-wrapped");
                    return (dataKeys, metaRecords, audit);
                });
                _masterKey.ReplaceWith(next);
                return counts;
            });
        }
        catch
        {
            File.Delete(pending);
            throw;
        }

        var installed = KeyRotationFiles.InstalledPath(keySource);
        if (installed is not null)
        {
            DurableFile.Replace(pending, installed);
        }

        // Old page images hold the old wrappings; they are useless without the old key, but leave none.
        _database.Checkpoint();
        var keyFile = installed ?? pending;
        Log.MasterKeyRotated(_logger, rewrapped.DataKeys, rewrapped.MetaRecords, keyFile);
        var action = installed is not null ? "" :
            $"The daemon loads its key from {keySource.Description}, which it cannot rewrite. Seal the new key now, before the next restart: " +
            $"systemd-creds encrypt --name={SystemdCredentialSource.CredentialName} {pending} /etc/gate-controller/master-key.cred && shred -u {pending}. " +
            "Until then a restart runs on the plaintext file (with a warning).";
        return new KeyRotationResult(rewrapped.DataKeys, rewrapped.MetaRecords, rewrapped.Audit, keyFile, action);
    }
}
