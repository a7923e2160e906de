using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Receipts;

/// <summary>
/// The tables whose row counts a receipt's state hash covers: every table of personal data. Adding one
/// needs no new state-hash version: each receipt lists the tables it counted and the hash covers the
/// names (Receipts/README.md, "Versions").
/// </summary>
internal static class StoreCounts
{
    private static readonly string[] Tables = ["persons", "person_keys", "face_consents", "face_templates", "access_events", "cards", "pins", "person_access"];

    public static Dictionary<string, long> Read(SqliteTransaction transaction)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            if (transaction.Scalar<long>("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = $name", ("$name", table)) > 0)
            {
                // Table names come from the constant list above, never from input.
                counts[table] = transaction.Scalar<long>($"SELECT COUNT(*) FROM \"{table}\"");
            }
        }

        return counts;
    }
}
