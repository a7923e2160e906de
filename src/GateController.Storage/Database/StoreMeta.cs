using System.Text;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Database;

/// <summary>Named values in <c>meta</c>: the store id, the key check, the audit head, sealed device secrets.</summary>
internal static class StoreMeta
{
    public const string StoreIdName = "store_id";

    public static byte[]? Read(SqliteTransaction transaction, string name)
    {
        using var command = transaction.Command("SELECT value FROM meta WHERE name = $name").With("$name", name);
        return command.ExecuteScalar() as byte[];
    }

    public static void Write(SqliteTransaction transaction, string name, byte[] value) =>
        transaction.Execute(
            "INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("$name", name),
            ("$value", value));

    public static string StoreId(SqliteTransaction transaction) =>
        Encoding.ASCII.GetString(Read(transaction, StoreIdName) ?? throw new InvalidOperationException("The store has no store id; it was never initialised."));
}
