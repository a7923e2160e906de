using System.Security.Cryptography;
using GateController.Core.Access;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Credentials;

/// <summary>Rows of <c>cards</c>: a keyed lookup tag, and the card sealed under the holder's identity key.</summary>
internal static class CardRecords
{
    /// <summary>Who holds the card with this tag, or null.</summary>
    public static string? Holder(SqliteTransaction transaction, byte[] tag) =>
        transaction.Scalar<string>("SELECT person_id FROM cards WHERE lookup = $lookup", ("$lookup", tag));

    public static long Insert(SqliteTransaction transaction, MasterKey master, string personId, CardNumber card, byte[] tag, DateTimeOffset now)
    {
        var dataKey = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Identity)
            ?? throw new StoreIntegrityException($"Person '{personId}' has no identity data key; the store is damaged.");
        var plaintext = CardCanonicalForm.ToBytes(card, raw: card.Format == CardCanonicalForm.RawFormat);
        try
        {
            // The row id is part of the sealed card's binding, so the row comes first with a placeholder.
            var id = transaction.Scalar<long>(
                "INSERT INTO cards (person_id, lookup, card_sealed, added_at) VALUES ($person, $lookup, x'', $at) RETURNING id",
                ("$person", personId),
                ("$lookup", tag),
                ("$at", StoreTime.Format(now)));
            var sealedCard = RecordSealer.Seal(dataKey, plaintext, RecordBinding.For(RecordKind.CardNumber, personId, id));
            transaction.Execute("UPDATE cards SET card_sealed = $sealed WHERE id = $id", ("$sealed", sealedCard), ("$id", id));
            return id;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public static int Delete(SqliteTransaction transaction, string personId, byte[] tag) =>
        transaction.Execute("DELETE FROM cards WHERE person_id = $person AND lookup = $lookup", ("$person", personId), ("$lookup", tag));

    public static int DeleteAll(SqliteTransaction transaction, string personId) =>
        transaction.Execute("DELETE FROM cards WHERE person_id = $person", ("$person", personId));

    public static List<(byte[] Tag, string PersonId)> LoadTags(SqliteTransaction transaction)
    {
        using var command = transaction.Command("SELECT lookup, person_id FROM cards");
        using var reader = command.ExecuteReader();
        var rows = new List<(byte[], string)>();
        while (reader.Read())
        {
            rows.Add(((byte[])reader.GetValue(0), reader.GetString(1)));
        }

        return rows;
    }
}
