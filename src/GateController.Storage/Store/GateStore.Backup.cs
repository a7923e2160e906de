using System.Security.Cryptography;
using GateController.Storage.Backup;
using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Store;

/// <summary>Consistent, sealed backups (SQLite online backup API under the store's lock).</summary>
public sealed partial class GateStore
{
    public const int DefaultAutomaticBackupsKept = 7;

    /// <summary>
    /// Writes a sealed snapshot to <paramref name="destination"/>. The snapshot is a page-by-page copy
    /// taken while no write can run; it is decrypted and re-checked only by a restore.
    /// </summary>
    public BackupResult WriteBackup(Stream destination, string description = "stream")
    {
        ArgumentNullException.ThrowIfNull(destination);
        // Every backup carries the device signing key, so a restore keeps the key that signed earlier receipts.
        _ = DevicePublicKey();
        var folder = AutomaticBackups.Folder(DataDirectory);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The plain snapshot lives only in the data directory, which already holds the live database.
        var snapshot = Path.Combine(folder, $".snapshot-{Guid.NewGuid():N}.db");
        try
        {
            using (DurableFile.CreateOwnerOnly(snapshot))
            {
            }

            var header = _database.Exclusive(connection =>
            {
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString()))
                {
                    target.Open();
                    connection.BackupDatabase(target);
                }

                return _database.Read(transaction =>
                {
                    using var command = transaction.Command("SELECT seq, time FROM audit ORDER BY seq DESC LIMIT 1");
                    using var reader = command.ExecuteReader();
                    var (sequence, time) = reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0L, "");
                    return new BackupHeader(StoreMeta.StoreId(transaction), StoreTime.Format(_time.GetUtcNow()), sequence, time,
                        Opening.SchemaVersion, RandomNumberGenerator.GetBytes(BackupHeader.SaltSize), BackupCipher.ChunkSize);
                });
            });
            var start = destination.CanSeek ? destination.Position : 0;
            using (var plain = new FileStream(snapshot, FileMode.Open, FileAccess.Read))
            {
                BackupCipher.Seal(plain, destination, _masterKey, header);
            }

            var bytes = destination.CanSeek ? destination.Position - start : 0;
            Log.BackupWritten(_logger, bytes, header.AuditSequence, description);
            return new BackupResult(description, bytes, header.AuditSequence, header.CreatedAt);
        }
        finally
        {
            DurableFile.ZeroAndDelete(snapshot);
        }
    }

    /// <summary>
    /// Writes <c>backups/auto-…-<paramref name="reason"/>.gatebak</c> atomically (0600) and keeps the newest
    /// <paramref name="keep"/>. Called daily and before risky operations such as key rotation.
    /// </summary>
    public BackupResult CreateAutomaticBackup(string reason, int keep = DefaultAutomaticBackupsKept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var path = AutomaticBackups.NewPath(DataDirectory, _time.GetUtcNow(), reason);
        var temporary = path + ".tmp";
        BackupResult result;
        using (var stream = DurableFile.CreateOwnerOnly(temporary))
        {
            result = WriteBackup(stream, path);
            stream.Flush(flushToDisk: true);
        }

        DurableFile.Replace(temporary, path);
        AutomaticBackups.Prune(DataDirectory, keep);
        return result;
    }

    /// <summary>The automatic backups, newest first.</summary>
    public IReadOnlyList<string> AutomaticBackupFiles() => AutomaticBackups.List(DataDirectory);
}
