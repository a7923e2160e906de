using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Rotation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>
/// Wraps <see cref="StoreOpener"/> with what issue #4 adds around it: finishing an interrupted key
/// rotation first, and turning a damaged file into one message that names it (SQLite's "file is not a
/// database" alone does not say which file, nor what to do), then a quick_check of every page.
/// </summary>
internal static class StoreOpenChecks
{
    /// <summary>How many of SQLite's problem lines a message quotes; the first ones say where it starts.</summary>
    private const int ProblemsQuoted = 3;

    public static (StoreDatabase Database, MasterKey Key, StoreOpening Opening) Open(StoreOptions options, IMasterKeySource keySource, DateTimeOffset now, ILogger logger)
    {
        keySource = KeyRotationRecovery.Resolve(options, keySource, logger);
        var databasePath = Path.Combine(Path.GetFullPath(options.DataDirectory), StoreDatabase.FileName);
        var walProblem = WalInspection.Inspect(databasePath + "-wal");
        if (walProblem is not null)
        {
            Log.StoreDamaged(logger, walProblem);
            throw new StoreIntegrityException(walProblem + Remedy(options));
        }

        (StoreDatabase Database, MasterKey Key, StoreOpening Opening) opened;
        try
        {
            opened = StoreOpener.Open(options, keySource, now);
        }
        catch (SqliteException exception)
        {
            var message = $"The store database '{databasePath}' cannot be opened: {exception.Message.TrimEnd('.')} (SQLite error {exception.SqliteErrorCode}).";
            Log.StoreDamaged(logger, message);
            throw new StoreIntegrityException(message + Remedy(options), exception);
        }

        var problems = opened.Database.Read(transaction =>
        {
            using var command = transaction.Command("PRAGMA quick_check");
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return lines;
        });
        if (problems is not ["ok"])
        {
            opened.Database.Dispose();
            opened.Key.Dispose();
            var message = $"The store database '{databasePath}' is damaged: SQLite quick_check found {problems.Count} problem(s), first: " +
                string.Join("; ", problems.Take(ProblemsQuoted)) + ".";
            Log.StoreDamaged(logger, message);
            throw new StoreIntegrityException(message + Remedy(options));
        }

        return opened;
    }

    private static string Remedy(StoreOptions options) =>
        $" Nothing was changed. Stop the daemon and restore the last good automatic backup: gatectl restore --data-dir {Path.GetFullPath(options.DataDirectory)}";
}
