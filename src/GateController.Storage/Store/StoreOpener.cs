using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Keys;

namespace GateController.Storage.Store;

/// <summary>
/// Opening order: decide whether a store exists, load the key (which may only create a development
/// key for a new store), open SQLite, migrate, then prove the key opens the store.
/// </summary>
internal static class StoreOpener
{
    public static (StoreDatabase Database, MasterKey Key, StoreOpening Opening) Open(StoreOptions options, IMasterKeySource keySource, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keySource);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory, nameof(options.DataDirectory));

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        CreateOwnerOnlyDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, StoreDatabase.FileName);
        var storeExists = StoreDatabase.Exists(databasePath);
        var keyLoad = keySource.Load(storeExists);
        StoreDatabase? database = null;
        try
        {
            database = StoreDatabase.Open(databasePath);
            var schemaVersion = SchemaMigrations.Apply(database, now);
            var created = database.Write(transaction =>
            {
                if (KeyCheck.IsInitialised(transaction))
                {
                    KeyCheck.Verify(transaction, keyLoad.Key, keyLoad.Source, databasePath);
                    return false;
                }

                KeyCheck.Initialise(transaction, keyLoad.Key);
                AuditTrail.Append(transaction, now, AuditKind.StoreCreated, null, $"store created with schema {schemaVersion}");
                return true;
            });
            var opening = new StoreOpening(databasePath, keyLoad.Source, created, keyLoad.CreatedDevelopmentKey, schemaVersion);
            return (database, keyLoad.Key, opening);
        }
        catch
        {
            database?.Dispose();
            keyLoad.Key.Dispose();
            throw;
        }
    }

    private static void CreateOwnerOnlyDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
