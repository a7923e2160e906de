using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Events;

/// <summary>
/// Rows of <c>access_events</c>: method, reader, pseudonymous person id, result, reason, latency, door.
/// By construction (<see cref="AccessEvent"/>) they never hold biometric data, a PIN or a card number.
/// </summary>
internal static class AccessEventRecords
{
    /// <summary>Latency is stored in whole microseconds (ticks would be false precision for a gate).</summary>
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static void Insert(SqliteTransaction transaction, AccessEvent accessEvent) =>
        transaction.Execute(
            "INSERT INTO access_events (sequence, time, method, reader, person_id, result, reason, latency_us, door) " +
            "VALUES ($sequence, $time, $method, $reader, $person, $result, $reason, $latency, $door)",
            ("$sequence", accessEvent.Sequence),
            ("$time", StoreTime.Format(accessEvent.Timestamp)),
            ("$method", accessEvent.Method.ToString()),
            ("$reader", accessEvent.Reader),
            ("$person", accessEvent.Person),
            ("$result", accessEvent.Result.ToString()),
            ("$reason", accessEvent.Reason),
            ("$latency", accessEvent.Latency.Ticks / TicksPerMicrosecond),
            ("$door", accessEvent.Door));

    /// <summary>The newest <paramref name="count"/> events, oldest first.</summary>
    public static IReadOnlyList<AccessEvent> Recent(SqliteTransaction transaction, int count)
    {
        using var command = transaction.Command(
            "SELECT sequence, time, method, reader, person_id, result, reason, latency_us, door FROM " +
            "(SELECT * FROM access_events ORDER BY id DESC LIMIT $count) ORDER BY id").With("$count", count);
        using var reader = command.ExecuteReader();
        var events = new List<AccessEvent>();
        while (reader.Read())
        {
            events.Add(new AccessEvent(
                reader.GetInt64(0),
                StoreTime.Parse(reader.GetString(1)),
                Enum.Parse<AccessMethod>(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<AccessResult>(reader.GetString(5)),
                reader.GetString(6),
                TimeSpan.FromTicks(reader.GetInt64(7) * TicksPerMicrosecond),
                reader.GetInt32(8)));
        }

        return events;
    }

    /// <summary>The highest decision number stored, or 0 for none.</summary>
    public static long LastSequence(SqliteTransaction transaction) =>
        transaction.Scalar<long>("SELECT COALESCE(MAX(sequence), 0) FROM access_events");

    public static long Count(SqliteTransaction transaction) => transaction.Scalar<long>("SELECT COUNT(*) FROM access_events");
}
