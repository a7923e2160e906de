using System.Globalization;
using GateController.Core.Receipts;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Receipts;
using GateController.Storage.Rotation;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GateController.Storage.Backup;

/// <summary>
/// Restores a backup into the data directory while the daemon is stopped (the store has one writer;
/// swapping the file under a running daemon would need every holder of the store to reopen it).
/// Order: decrypt to <c>gate.db.restoring</c> (0600) → prove it (quick_check, this master key opens its
/// key check, same store id as the header, audit chain valid) → move the current gate.db, -wal and -shm
/// aside to <c>replaced-&lt;time&gt;/</c> → rename the restored file in → re-apply every archived erasure
/// the backup predates, so a restore never brings back data a resident had erased.
/// </summary>
public static class StoreRestore
{
    /// <summary>Erasures recorded up to this long before the backup's last audit row are re-checked too (clock races).</summary>
    private static readonly TimeSpan ReplayMargin = TimeSpan.FromSeconds(5);

    /// <summary>Restores <paramref name="backupFile"/>, or with null the newest automatic backup that proves good.</summary>
    public static RestoreResult Restore(StoreOptions options, IMasterKeySource keySource, string? backupFile, TimeProvider time, ILogger<GateStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        keySource = KeyRotationRecovery.Resolve(options, keySource, logger);
        var candidates = backupFile is not null ? [Path.GetFullPath(backupFile)] : AutomaticBackups.List(dataDirectory);
        if (candidates.Count == 0)
        {
            throw new InvalidDataException($"There is no automatic backup in '{AutomaticBackups.Folder(dataDirectory)}' to restore; name a backup file.");
        }

        var databasePath = Path.Combine(dataDirectory, StoreDatabase.FileName);
        var restoring = databasePath + ".restoring";
        var skipped = new List<string>();
        using var key = keySource.Load(storeExists: true).Key;
        foreach (var candidate in candidates)
        {
            File.Delete(restoring);
            var problem = TryDecryptAndProve(candidate, restoring, key, out var header);
            if (problem is null)
            {
                var replaced = MoveAside(databasePath, time.GetUtcNow());
                DurableFile.Replace(restoring, databasePath);
                var replayed = ReplayErasures(options, keySource, header!, time, logger);
                return new RestoreResult(candidate, header!.CreatedAt, header.AuditSequence, skipped, replayed, replaced);
            }

            DurableFile.ZeroAndDelete(restoring);
            skipped.Add(problem);
        }

        throw new InvalidDataException("No backup could be restored; nothing was changed. " + string.Join(" ", skipped));
    }

    private static string? TryDecryptAndProve(string backupFile, string restoring, MasterKey key, out BackupHeader? header)
    {
        header = null;
        try
        {
            using (var source = new FileStream(backupFile, FileMode.Open, FileAccess.Read))
            using (var target = DurableFile.CreateOwnerOnly(restoring))
            {
                header = BackupCipher.Open(source, target, key, backupFile);
                target.Flush(flushToDisk: true);
            }

            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = restoring, Pooling = false }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: true);
            var check = transaction.Scalar<string>("PRAGMA quick_check");
            if (check != "ok")
            {
                return $"{backupFile}: the database inside fails SQLite quick_check ({check}).";
            }

            KeyCheck.Verify(transaction, key, "this device's key", backupFile);
            if (StoreMeta.StoreId(transaction) != header.StoreId)
            {
                return $"{backupFile}: the database inside belongs to store {StoreMeta.StoreId(transaction)}, but the header says {header.StoreId}.";
            }

            var audit = AuditTrail.Verify(transaction);
            return audit.IsValid ? null : $"{backupFile}: {audit.Message}.";
        }
        catch (Exception exception) when (exception is InvalidDataException or SqliteException or StoreKeyException or IOException or InvalidOperationException)
        {
            return exception is InvalidDataException ? exception.Message : $"{backupFile}: {exception.Message}";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string? MoveAside(string databasePath, DateTimeOffset now)
    {
        var files = new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            return null;
        }

        // Kept for forensics (it may show what damaged it); it holds sealed personal data: remove it once examined.
        var folder = Path.Combine(Path.GetDirectoryName(databasePath)!, "replaced-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in files)
        {
            File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        DurableFile.SyncDirectory(Path.GetDirectoryName(databasePath)!);
        return folder;
    }

    /// <summary>
    /// An archived receipt is re-applied when the backup does not contain its audit row (same sequence and
    /// hash) and it is not older than the backup's last audit row: so an id reused by a new resident after
    /// an older erasure is never touched.
    /// </summary>
    private static List<string> ReplayErasures(StoreOptions options, IMasterKeySource keySource, BackupHeader header, TimeProvider time, ILogger<GateStore> logger)
    {
        using var store = GateStore.Open(options, keySource, time, logger);
        var problems = new List<string>();
        var replayed = new List<string>();
        var since = string.IsNullOrEmpty(header.AuditTime) ? DateTimeOffset.MinValue : StoreTime.Parse(header.AuditTime) - ReplayMargin;
        foreach (var signed in ReceiptArchive.Load(Path.GetFullPath(options.DataDirectory), header.StoreId, problems))
        {
            var receipt = signed.Receipt;
            if (StoreTime.Parse(receipt.DeletedAt) < since || store.ConfirmReceipt(signed) is null || !store.TryFindPerson(receipt.PersonId, out var person))
            {
                continue;
            }

            var replay = receipt.Action switch
            {
                ReceiptActions.PersonDelete => store.DeletePersonWithReceipt(receipt.PersonId),
                ReceiptActions.FaceWithdraw or ReceiptActions.FaceRetention when person.FaceTemplateCount > 0 || person.HasFaceConsent =>
                    store.WithdrawFaceWithReceipt(receipt.PersonId, receipt.Action),
                _ => null,
            };
            if (replay?.Value is { } done)
            {
                replayed.Add($"{receipt.Action} of {receipt.PersonId} (receipt {receipt.ReceiptId}) re-applied as audit row {done.Receipt.AuditSequence}");
            }
        }

        return replayed;
    }
}
