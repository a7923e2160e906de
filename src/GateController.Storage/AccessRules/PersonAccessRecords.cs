using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GateController.Core.Rules;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.AccessRules;

/// <summary>
/// Rows of <c>person_access</c>: one per person with groups or a validity period, the record
/// (<c>{"groups":[…],"validFrom":…,"validUntil":…}</c>) sealed under the identity key and bound to the person.
/// A person back to the default (no groups, no dates) has no row.
/// </summary>
internal static class PersonAccessRecords
{
    public static PersonAccess Read(SqliteTransaction transaction, MasterKey master, string personId)
    {
        var sealedRecord = transaction.Scalar<byte[]>("SELECT access_sealed FROM person_access WHERE person_id = $id", ("$id", personId));
        return sealedRecord is null ? PersonAccess.None : Open(transaction, master, personId, sealedRecord);
    }

    public static DateTimeOffset? UpdatedAt(SqliteTransaction transaction, string personId) =>
        transaction.Scalar<string>("SELECT updated_at FROM person_access WHERE person_id = $id", ("$id", personId)) is { } at ? StoreTime.Parse(at) : null;

    public static void Write(SqliteTransaction transaction, MasterKey master, string personId, PersonAccess access, DateTimeOffset now)
    {
        if (access.IsDefault)
        {
            Delete(transaction, personId);
            return;
        }

        var dataKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Identity)
            ?? throw new StoreIntegrityException($"Person '{personId}' has no identity data key; the store is damaged.");
        var plaintext = Encoding.UTF8.GetBytes(ToJson(access));
        try
        {
            var sealedRecord = RecordSealer.Seal(dataKey, plaintext, RecordBinding.For(RecordKind.PersonAccess, personId, 0));
            transaction.Execute("""
                INSERT INTO person_access (person_id, memberships, has_validity, access_sealed, updated_at) VALUES ($id, $groups, $validity, $sealed, $at)
                ON CONFLICT (person_id) DO UPDATE SET memberships = excluded.memberships, has_validity = excluded.has_validity,
                    access_sealed = excluded.access_sealed, updated_at = excluded.updated_at
                """,
                ("$id", personId), ("$groups", access.Groups.Count), ("$validity", access.Validity.IsBounded ? 1 : 0),
                ("$sealed", sealedRecord), ("$at", StoreTime.Format(now)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Deletes the person's row; returns how many memberships and validity periods it held.</summary>
    public static (int Memberships, int ValidityPeriods) Delete(SqliteTransaction transaction, string personId)
    {
        using var command = transaction.Command("DELETE FROM person_access WHERE person_id = $id RETURNING memberships, has_validity").With("$id", personId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetInt32(1)) : (0, 0);
    }

    /// <summary>Every person's record, opened; for the in-memory rule set and the group-in-use check.</summary>
    public static List<KeyValuePair<string, PersonAccess>> LoadAll(SqliteTransaction transaction, MasterKey master)
    {
        var rows = new List<(string Id, byte[] Sealed)>();
        using (var command = transaction.Command("SELECT person_id, access_sealed FROM person_access ORDER BY person_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            }
        }

        return [.. rows.Select(row => KeyValuePair.Create(row.Id, Open(transaction, master, row.Id, row.Sealed)))];
    }

    private static PersonAccess Open(SqliteTransaction transaction, MasterKey master, string personId, byte[] sealedRecord)
    {
        var dataKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Identity)
            ?? throw new StoreIntegrityException($"Person '{personId}' has no identity data key; the store is damaged.");
        try
        {
            // A record that fails to open would otherwise read as "no restrictions": refuse to go on instead.
            if (!RecordSealer.TryOpen(dataKey, sealedRecord, RecordBinding.For(RecordKind.PersonAccess, personId, 0), out var plaintext))
            {
                throw new StoreIntegrityException($"The sealed access record (groups, validity) of person '{personId}' fails authentication; the row was damaged, edited or copied from another person.");
            }

            try
            {
                return FromJson(Encoding.UTF8.GetString(plaintext));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static string ToJson(PersonAccess access) => new JsonObject
    {
        ["groups"] = new JsonArray([.. access.Groups.Select(g => (JsonNode)g)]),
        ["validFrom"] = access.Validity.From is { } from ? PersonValidity.Text(from) : null,
        ["validUntil"] = access.Validity.Until is { } until ? PersonValidity.Text(until) : null,
    }.ToJsonString();

    private static PersonAccess FromJson(string json)
    {
        var node = JsonNode.Parse(json)!;
        return new PersonAccess(
            [.. node["groups"]!.AsArray().Select(g => g!.GetValue<string>())],
            new PersonValidity(Date(node["validFrom"]), Date(node["validUntil"])));
    }

    private static DateOnly? Date(JsonNode? node) =>
        node?.GetValue<string>() is { } text && PersonValidity.TryParseDate(text, out var date) ? date : null;
}
