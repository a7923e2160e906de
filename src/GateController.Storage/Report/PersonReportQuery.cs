using System.Security.Cryptography;
using GateController.Core.Access;
using GateController.Storage.AccessRules;
using GateController.Core.Events;
using GateController.Storage.Credentials;
using GateController.Storage.Database;
using GateController.Storage.Events;
using GateController.Storage.Faces;
using GateController.Storage.Keys;
using GateController.Storage.Persons;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Report;

/// <summary>Reads one person's report in a single read transaction. Decrypts the name and consent text only.</summary>
internal static class PersonReportQuery
{
    public static PersonReport? Read(SqliteTransaction transaction, MasterKey master, string personId, int recentEvents)
    {
        if (PersonRecords.Read(transaction, master, personId).SingleOrDefault() is not { } person)
        {
            return null;
        }

        var damaged = new List<string>();
        var keys = Rows(transaction, "SELECT purpose, created_at FROM person_keys WHERE person_id = $id ORDER BY purpose", personId,
            reader => new DataKeyItem(((KeyPurpose)reader.GetInt32(0)).ToString(), StoreTime.Parse(reader.GetString(1))));
        var templates = Rows(transaction, """
            SELECT model_id, dimensions, COUNT(*), MIN(enrolled_at), MAX(enrolled_at) FROM face_templates
            WHERE person_id = $id GROUP BY model_id, dimensions ORDER BY model_id
            """, personId,
            reader => new TemplateGroup(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), StoreTime.Parse(reader.GetString(3)), StoreTime.Parse(reader.GetString(4))));
        var consents = Consents(transaction, master, personId, damaged);
        var cards = Cards(transaction, master, personId, damaged);
        var pins = Pins(transaction, personId);
        var lastGrant = transaction.Scalar<string>(
            "SELECT MAX(time) FROM access_events WHERE person_id = $id AND method = $method AND result = $result",
            ("$id", personId), ("$method", nameof(AccessMethod.Face)), ("$result", nameof(AccessResult.Granted)));
        return new PersonReport(
            person.Id,
            person.Name,
            person.AddedAt,
            keys,
            consents,
            templates,
            cards,
            pins,
            transaction.Scalar<long>("SELECT COUNT(*) FROM access_events WHERE person_id = $id", ("$id", personId)),
            lastGrant is null ? null : StoreTime.Parse(lastGrant),
            RecentEvents(transaction, personId, recentEvents),
            transaction.Scalar<long>("SELECT COUNT(*) FROM audit WHERE subject = $id", ("$id", personId)),
            damaged,
            Access(transaction, master, personId, damaged));
    }

    private static AccessItem Access(SqliteTransaction transaction, MasterKey master, string personId, List<string> damaged)
    {
        try
        {
            var access = PersonAccessRecords.Read(transaction, master, personId);
            return new AccessItem(access.Groups, access.Validity.From, access.Validity.Until, PersonAccessRecords.UpdatedAt(transaction, personId));
        }
        catch (Store.StoreIntegrityException exception)
        {
            damaged.Add(exception.Message);
            return new AccessItem([], null, null, PersonAccessRecords.UpdatedAt(transaction, personId));
        }
    }

    private static List<ConsentItem> Consents(SqliteTransaction transaction, MasterKey master, string personId, List<string> damaged)
    {
        byte[]? faceKey = null;
        try
        {
            faceKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Face);
        }
        catch (Store.StoreIntegrityException exception)
        {
            damaged.Add(exception.Message);
        }

        try
        {
            return Rows(transaction, """
                SELECT c.id, c.consented_at, c.recorded_at, c.details_sealed,
                       (SELECT COUNT(*) FROM face_templates t WHERE t.consent_id = c.id)
                FROM face_consents c WHERE c.person_id = $id ORDER BY c.id
                """, personId, reader =>
            {
                var id = reader.GetInt64(0);
                ConsentDetails? details = null;
                if (faceKey is not null && RecordSealer.TryOpen(faceKey, (byte[])reader.GetValue(3), RecordBinding.For(RecordKind.FaceConsent, personId, id), out var plaintext))
                {
                    details = ConsentDetails.FromUtf8(plaintext);
                    CryptographicOperations.ZeroMemory(plaintext);
                }
                else
                {
                    damaged.Add($"face consent #{id} of person '{personId}' fails authentication; its details cannot be shown.");
                }

                return new ConsentItem(id, StoreTime.Parse(reader.GetString(1)), StoreTime.Parse(reader.GetString(2)),
                    details?.ConsentedBy, details?.Method, details?.Operator, reader.GetInt32(4));
            });
        }
        finally
        {
            if (faceKey is not null)
            {
                CryptographicOperations.ZeroMemory(faceKey);
            }
        }
    }

    /// <summary>The person's cards, masked. The sealed card is opened only to mask it; the plaintext is zeroed.</summary>
    private static List<CardItem> Cards(SqliteTransaction transaction, MasterKey master, string personId, List<string> damaged)
    {
        if (transaction.Scalar<long>("SELECT COUNT(*) FROM cards WHERE person_id = $id", ("$id", personId)) == 0)
        {
            return [];
        }

        byte[]? identityKey = null;
        try
        {
            identityKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Identity);
        }
        catch (Store.StoreIntegrityException exception)
        {
            damaged.Add(exception.Message);
        }

        try
        {
            return Rows(transaction, "SELECT id, card_sealed, added_at FROM cards WHERE person_id = $id ORDER BY id", personId, reader =>
            {
                var id = reader.GetInt64(0);
                CardNumber? card = null;
                if (identityKey is not null && RecordSealer.TryOpen(identityKey, (byte[])reader.GetValue(1), RecordBinding.For(RecordKind.CardNumber, personId, id), out var plaintext))
                {
                    card = CardCanonicalForm.TryParse(plaintext, out var parsed) ? parsed : null;
                    CryptographicOperations.ZeroMemory(plaintext);
                }

                if (card is null)
                {
                    damaged.Add($"card #{id} of person '{personId}' fails authentication or cannot be read; it cannot be shown.");
                }

                return new CardItem(id, card?.Format, card?.ToString(), StoreTime.Parse(reader.GetString(2)));
            });
        }
        finally
        {
            if (identityKey is not null)
            {
                CryptographicOperations.ZeroMemory(identityKey);
            }
        }
    }

    /// <summary>Both PIN kinds, set or not. Reads only the kind and date: the tag would let the pepper's holder test PINs.</summary>
    private static List<PinItem> Pins(SqliteTransaction transaction, string personId)
    {
        var set = Rows(transaction, "SELECT kind, set_at FROM pins WHERE person_id = $id", personId,
            reader => (Kind: reader.GetString(0), SetAt: StoreTime.Parse(reader.GetString(1))));
        return [.. new[] { false, true }.Select(duress =>
        {
            var kind = PinRecords.KindName(duress);
            var row = set.Where(p => p.Kind == kind).Select(p => (DateTimeOffset?)p.SetAt).SingleOrDefault();
            return new PinItem(kind, row is not null, row);
        })];
    }

    private static List<AccessEvent> RecentEvents(SqliteTransaction transaction, string personId, int count) =>
        Rows(transaction, """
            SELECT sequence, time, method, reader, person_id, result, reason, latency_us, door FROM
            (SELECT * FROM access_events WHERE person_id = $id ORDER BY id DESC LIMIT $count) ORDER BY id
            """, personId, reader => new AccessEvent(
                reader.GetInt64(0),
                StoreTime.Parse(reader.GetString(1)),
                Enum.Parse<AccessMethod>(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                Enum.Parse<AccessResult>(reader.GetString(5)),
                reader.GetString(6),
                TimeSpan.FromMicroseconds(reader.GetInt64(7)),
                reader.GetInt32(8)), ("$count", count));

    private static List<T> Rows<T>(SqliteTransaction transaction, string sql, string personId, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] extra)
    {
        using var command = transaction.Command(sql).With("$id", personId);
        foreach (var (name, value) in extra)
        {
            command.With(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
