using Microsoft.Data.Sqlite;

namespace GateController.Storage.Database;

/// <summary>
/// The one SQLite connection of the store, guarded by a lock: every read and write runs in a
/// transaction on it. WAL with synchronous=FULL makes every committed write durable before the
/// commit returns; secure_delete zeroes deleted content in pages and on the freelist.
/// </summary>
internal sealed class StoreDatabase : IDisposable
{
    public const string FileName = "gate.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private StoreDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>An empty file is not a store: it is what <see cref="Open"/> creates before SQLite writes the header.</summary>
    public static bool Exists(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    public static StoreDatabase Open(string path)
    {
        CreateOwnerOnlyFile(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            // Pooling would keep the file open after Dispose; tests and backups need it really closed.
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            RequirePragma(connection, "journal_mode = WAL", "wal");
            RequirePragma(connection, "synchronous = FULL", null);
            RequirePragma(connection, "secure_delete = ON", "1");
            RequirePragma(connection, "foreign_keys = ON", null);
            // Temporary tables and statement journals stay in memory, never in a stray file.
            RequirePragma(connection, "temp_store = MEMORY", null);
            return new StoreDatabase(path, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public T Write<T>(Func<SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the connection's lock (re-entrant), so nothing else reads or
    /// writes in between: a key swap right after a commit, or an online backup.
    /// </summary>
    public T Exclusive<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    public T Read<T>(Func<SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            // A deferred transaction gives one consistent snapshot; reads never hold the write lock.
            using var transaction = _connection.BeginTransaction(deferred: true);
            return work(transaction);
        }
    }

    /// <summary>Copies the WAL into the database file and truncates the WAL, so deleted pages leave no copy behind.</summary>
    public CheckpointResult Checkpoint()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var reader = command.ExecuteReader();
            reader.Read();
            return new CheckpointResult(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
        }
    }

    public void Dispose() => _connection.Dispose();

    private static void CreateOwnerOnlyFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        // SQLite gives the -wal and -shm files the mode of the database file, so 0600 here covers all three.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(path, options);
    }

    private static void RequirePragma(SqliteConnection connection, string assignment, string? expected)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + assignment;
        var result = command.ExecuteScalar();
        if (expected is not null && !string.Equals(Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused 'PRAGMA {assignment}': it answered '{result}', expected '{expected}'.");
        }
    }
}
