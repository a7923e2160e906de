using Microsoft.Data.Sqlite;

namespace GateController.Storage.Database;

/// <summary>
/// Forward-only schema steps; step N takes the schema from version N-1 to N, each in its own
/// transaction. Never edit a released step: add the next one.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<string> Steps = [SchemaVersion1.Sql, SchemaVersion2.Sql, SchemaVersion3.Sql, SchemaVersion4.Sql, SchemaVersion5.Sql];

    public static int Latest => Steps.Count;

    /// <summary>Applies missing steps and returns the resulting version.</summary>
    public static int Apply(StoreDatabase database, DateTimeOffset now)
    {
        var current = database.Write(transaction =>
        {
            transaction.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT");
            return (int)transaction.Scalar<long>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        });
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The store '{database.Path}' has schema version {current}; this build knows versions up to {Latest}. " +
                "Run a newer gate-controller; a store is never downgraded.");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            var step = version;
            database.Write(transaction => ApplyStep(transaction, step, now));
        }

        return Latest;
    }

    private static int ApplyStep(SqliteTransaction transaction, int version, DateTimeOffset now)
    {
        transaction.Execute(Steps[version - 1]);
        return transaction.Execute(
            "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)",
            ("$version", version),
            ("$at", StoreTime.Format(now)));
    }
}
