using System.Security.Cryptography;
using GateController.Core.Access;
using GateController.Storage.AccessRules;
using GateController.Storage.Credentials;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Persons;

/// <summary>Every resident with their cards opened (for a re-import elsewhere), groups and validity; nothing biometric is read.</summary>
internal static class PersonExportQuery
{
    public static List<PersonExportRow> Read(SqliteTransaction transaction, MasterKey master)
    {
        var access = PersonAccessRecords.LoadAll(transaction, master).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return
        [
            .. PersonRecords.Read(transaction, master, null).Select(person =>
            {
                var rules = access.GetValueOrDefault(person.Id, Core.Rules.PersonAccess.None);
                return new PersonExportRow(person.Id, person.Name, Cards(transaction, master, person.Id), rules.Groups, rules.Validity.From, rules.Validity.Until);
            }),
        ];
    }

    private static List<CardNumber> Cards(SqliteTransaction transaction, MasterKey master, string personId)
    {
        var key = PersonKeyRing.Unwrap(transaction, master, personId, KeyPurpose.Identity)
            ?? throw new StoreIntegrityException($"Person '{personId}' has no identity data key; the store is damaged.");
        try
        {
            using var command = transaction.Command("SELECT id, card_sealed FROM cards WHERE person_id = $id ORDER BY id").With("$id", personId);
            using var reader = command.ExecuteReader();
            var cards = new List<CardNumber>();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!RecordSealer.TryOpen(key, (byte[])reader.GetValue(1), RecordBinding.For(RecordKind.CardNumber, personId, id), out var plaintext))
                {
                    throw new StoreIntegrityException($"Card #{id} of person '{personId}' fails authentication; the row was damaged, edited or copied from another person.");
                }

                var readable = CardCanonicalForm.TryParse(plaintext, out var card);
                CryptographicOperations.ZeroMemory(plaintext);
                cards.Add(readable ? card : throw new StoreIntegrityException($"Card #{id} of person '{personId}' cannot be read."));
            }

            return cards;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
