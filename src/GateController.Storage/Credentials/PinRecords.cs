using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Credentials;

/// <summary>Rows of <c>pins</c>: one normal and one duress PIN per person, each only as a keyed tag.</summary>
internal static class PinRecords
{
    /// <summary>How the tag was made, so a later scheme can sit beside this one.</summary>
    public const string TagParameters = "hmac-sha256-pepper-v1";

    public static string KindName(bool duress) => duress ? "duress" : "normal";

    /// <summary>Whose PIN (and which kind) has this tag, if anyone's.</summary>
    public static (string PersonId, bool Duress)? Owner(SqliteTransaction transaction, byte[] tag)
    {
        using var command = transaction.Command("SELECT person_id, kind FROM pins WHERE lookup = $lookup").With("$lookup", tag);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1) == "duress") : null;
    }

    public static void Upsert(SqliteTransaction transaction, string personId, bool duress, byte[] tag, DateTimeOffset now) =>
        transaction.Execute(
            """
            INSERT INTO pins (person_id, kind, lookup, params, set_at) VALUES ($person, $kind, $lookup, $params, $at)
            ON CONFLICT (person_id, kind) DO UPDATE SET lookup = excluded.lookup, params = excluded.params, set_at = excluded.set_at
            """,
            ("$person", personId),
            ("$kind", KindName(duress)),
            ("$lookup", tag),
            ("$params", TagParameters),
            ("$at", StoreTime.Format(now)));

    /// <summary>Deletes the person's PIN of <paramref name="kind"/> ("normal", "duress"), or both when null.</summary>
    public static int Delete(SqliteTransaction transaction, string personId, string? kind) =>
        transaction.Execute(
            "DELETE FROM pins WHERE person_id = $person AND ($kind IS NULL OR kind = $kind)",
            ("$person", personId),
            ("$kind", kind));

    public static List<(byte[] Tag, string PersonId, bool Duress)> LoadTags(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT lookup, person_id, kind FROM pins");
        using var reader = command.ExecuteReader();
        var rows = new List<(byte[], string, bool)>();
        while (reader.Read())
        {
            rows.Add(((byte[])reader.GetValue(0), reader.GetString(1), reader.GetString(2) == "duress"));
        }

        return rows;
    }
}
