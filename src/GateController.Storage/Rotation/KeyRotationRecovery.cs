using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GateController.Storage.Rotation;

/// <summary>
/// Finishes or discards a rotation that a crash interrupted, before the store opens. The pending key is
/// written (0600, fsynced) before the re-wrap commits, and installed after, so at start-up:
/// <list type="bullet">
/// <item>the configured key opens the store: the rotation never committed (or the operator already sealed
/// the new key); the pending file is stale and is removed;</item>
/// <item>only the pending key opens it: the rotation committed but the key was not installed; a key file is
/// replaced by it now, a systemd credential cannot be, so the pending file is used with a loud warning;</item>
/// <item>neither: nothing is touched and the opener reports the wrong key.</item>
/// </list>
/// </summary>
internal static class KeyRotationRecovery
{
    public static IMasterKeySource Resolve(StoreOptions options, IMasterKeySource source, ILogger logger)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var pending = KeyRotationFiles.PendingPath(source, dataDirectory);
        var databasePath = Path.Combine(dataDirectory, StoreDatabase.FileName);
        if (!File.Exists(pending) || !StoreDatabase.Exists(databasePath))
        {
            return source;
        }

        if (!TryReadKeyCheck(databasePath, out var storeId, out var keyCheck))
        {
            return source;
        }

        if (Opens(() => source.Load(storeExists: true).Key, storeId, keyCheck))
        {
            File.Delete(pending);
            Log.RotationRecovered(logger, $"{source.Description} opens the store; removed the stale pending key {pending}");
            return source;
        }

        if (!Opens(() => KeyFileReader.Read(pending), storeId, keyCheck))
        {
            return source;
        }

        if (KeyRotationFiles.InstalledPath(source) is { } keyFile)
        {
            DurableFile.Replace(pending, keyFile);
            Log.RotationRecovered(logger, $"the rotated key {pending} opens the store; installed it as {keyFile}");
            return source;
        }

        Log.RotationRecovered(logger,
            $"the store is sealed under the rotated key {pending}, not {source.Description}; running on it. " +
            $"Seal it now: systemd-creds encrypt --name={SystemdCredentialSource.CredentialName} {pending} <credential file>, then shred {pending}");
        return new KeyFileSource(pending, createDevelopmentKey: false);
    }

    private static bool Opens(Func<MasterKey> load, string storeId, byte[] keyCheck)
    {
        try
        {
            using var key = load();
            if (!RecordSealer.TryOpen(key.Bytes, keyCheck, KeyCheck.Binding(storeId), out var plaintext))
            {
                return false;
            }

            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
            return true;
        }
        catch (StoreKeyException)
        {
            return false;
        }
    }

    private static bool TryReadKeyCheck(string databasePath, out string storeId, out byte[] keyCheck)
    {
        storeId = "";
        keyCheck = [];
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: true);
            storeId = StoreMeta.StoreId(transaction);
            keyCheck = StoreMeta.Read(transaction, KeyCheck.MetaName) ?? [];
            return keyCheck.Length > 0;
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
        {
            // A damaged store: the opener reports it with the file name.
            return false;
        }
    }
}
