using GateController.Core.Access;
using GateController.Storage.AccessRules;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Persons;

/// <summary>Every resident with counts of their credentials, groups, validity and last grant, in one read.</summary>
internal static class PersonListingQuery
{
    public static List<PersonListing> Read(SqliteTransaction transaction, MasterKey master)
    {
        var cards = Counts(transaction, "SELECT person_id, COUNT(*) FROM cards GROUP BY person_id");
        var pins = Counts(transaction, "SELECT person_id || ':' || kind, 1 FROM pins");
        var lastGrants = LastGrants(transaction);
        var access = PersonAccessRecords.LoadAll(transaction, master).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return
        [
            .. PersonRecords.Read(transaction, master, null).Select(person =>
            {
                var rules = access.GetValueOrDefault(person.Id, Core.Rules.PersonAccess.None);
                return new PersonListing(
                    person.Id,
                    person.Name,
                    person.AddedAt,
                    person.FaceTemplateCount,
                    (int)cards.GetValueOrDefault(person.Id),
                    pins.ContainsKey($"{person.Id}:normal"),
                    pins.ContainsKey($"{person.Id}:duress"),
                    rules.Groups,
                    rules.Validity.From,
                    rules.Validity.Until,
                    lastGrants.TryGetValue(person.Id, out var last) ? last : null);
            }),
        ];
    }

    private static Dictionary<string, long> Counts(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Command(sql);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static Dictionary<string, DateTimeOffset> LastGrants(SqliteTransaction transaction)
    {
        // Times are stored as round-trip UTC text, so the greatest text is the latest time.
        using var command = transaction.Command(
            "SELECT person_id, MAX(time) FROM access_events WHERE person_id IS NOT NULL AND result = $granted GROUP BY person_id")
            .With("$granted", nameof(AccessResult.Granted));
        using var reader = command.ExecuteReader();
        var grants = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (reader.Read())
        {
            grants[reader.GetString(0)] = StoreTime.Parse(reader.GetString(1));
        }

        return grants;
    }
}
