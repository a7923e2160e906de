using GateController.Core.Access;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Retention;

/// <summary>
/// Times are compared as stored text: <see cref="StoreTime"/> writes fixed-width round-trip UTC
/// ("2026-03-01T08:00:00.0000000+00:00"), which sorts in time order.
/// </summary>
internal static class RetentionQueries
{
    /// <summary>Persons holding face data whose last face grant (or, never granted, last enrolment) is before <paramref name="cutoff"/>.</summary>
    public static List<(string PersonId, DateTimeOffset LastSeen)> AbsentFaceHolders(SqliteTransaction transaction, DateTimeOffset cutoff)
    {
        using var command = transaction.Command("""
            SELECT person_id, last_seen FROM (
                SELECT p.person_id,
                       COALESCE((SELECT MAX(e.time) FROM access_events e
                                 WHERE e.person_id = p.person_id AND e.method = $method AND e.result = $result),
                                (SELECT MAX(c.recorded_at) FROM face_consents c WHERE c.person_id = p.person_id)) AS last_seen
                FROM (SELECT person_id FROM face_templates UNION SELECT person_id FROM face_consents) p)
            WHERE last_seen < $cutoff ORDER BY person_id
            """)
            .With("$method", nameof(AccessMethod.Face))
            .With("$result", nameof(AccessResult.Granted))
            .With("$cutoff", StoreTime.Format(cutoff));
        using var reader = command.ExecuteReader();
        var persons = new List<(string, DateTimeOffset)>();
        while (reader.Read())
        {
            persons.Add((reader.GetString(0), StoreTime.Parse(reader.GetString(1))));
        }

        return persons;
    }

    public static int PurgeEvents(SqliteTransaction transaction, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var purged = transaction.Execute("DELETE FROM access_events WHERE time < $cutoff", ("$cutoff", StoreTime.Format(cutoff)));
        if (purged > 0)
        {
            AuditTrail.Append(transaction, now, AuditKind.AccessEventsPurged, null, $"{purged} access events older than {StoreTime.Format(cutoff)} purged by retention");
        }

        return purged;
    }
}
