using System.Text.Json.Nodes;
using GateController.Core.Rules;
using GateController.Storage.Database;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.AccessRules;

/// <summary>Rows of <c>access_groups</c>: the definition as JSON of its text parts (windows, holidays, doors).</summary>
internal static class GroupRecords
{
    public static bool Exists(SqliteTransaction transaction, string name) =>
        transaction.Scalar<long>("SELECT COUNT(*) FROM access_groups WHERE name = $name", ("$name", name)) > 0;

    /// <summary>Inserts or replaces; true when the group is new.</summary>
    public static bool Upsert(SqliteTransaction transaction, AccessGroup group, DateTimeOffset now)
    {
        var created = !Exists(transaction, group.Name);
        transaction.Execute("""
            INSERT INTO access_groups (name, definition, created_at, updated_at) VALUES ($name, $definition, $at, $at)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
            """, ("$name", group.Name), ("$definition", ToJson(group)), ("$at", StoreTime.Format(now)));
        return created;
    }

    public static int Delete(SqliteTransaction transaction, string name) =>
        transaction.Execute("DELETE FROM access_groups WHERE name = $name", ("$name", name));

    public static List<AccessGroup> LoadAll(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT name, definition FROM access_groups ORDER BY name");
        using var reader = command.ExecuteReader();
        var groups = new List<AccessGroup>();
        while (reader.Read())
        {
            groups.Add(FromJson(reader.GetString(0), reader.GetString(1)));
        }

        return groups;
    }

    private static string ToJson(AccessGroup group) => new JsonObject
    {
        ["windows"] = Array(AccessGroupText.Windows(group.Windows)),
        ["holidays"] = Array(AccessGroupText.Dates(group.Holidays)),
        ["holidayWindows"] = Array(AccessGroupText.Windows(group.HolidayWindows)),
        ["doors"] = new JsonArray([.. group.Doors.Select(d => (JsonNode)d)]),
    }.ToJsonString();

    private static AccessGroup FromJson(string name, string json)
    {
        try
        {
            var node = JsonNode.Parse(json)!;
            if (AccessGroupText.TryCreate(name, Texts(node["windows"]), Texts(node["holidays"]), Texts(node["holidayWindows"]),
                    [.. (node["doors"]?.AsArray() ?? []).Select(d => d!.GetValue<int>())], out var group, out var problem))
            {
                return group;
            }

            throw new StoreIntegrityException($"Access group '{name}' in the store is not valid ({problem}); the row was edited or damaged.");
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new StoreIntegrityException($"Access group '{name}' in the store is not readable JSON; the row was edited or damaged.", exception);
        }
    }

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static List<string> Texts(JsonNode? array) => [.. (array?.AsArray() ?? []).Select(i => i!.GetValue<string>())];
}
