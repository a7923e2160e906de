using System.Security.Cryptography;
using System.Text;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Persons;

/// <summary>Rows of <c>persons</c>; the name is sealed under the person's identity key.</summary>
internal static class PersonRecords
{
    public const int MaxNameLength = 200;

    public static bool Exists(SqliteTransaction transaction, string id) =>
        transaction.Scalar<long>("SELECT COUNT(*) FROM persons WHERE id = $id", ("$id", id)) > 0;

    public static void Insert(SqliteTransaction transaction, MasterKey master, string id, string name, DateTimeOffset now)
    {
        var time = StoreTime.Format(now);
        // The row must exist before its key (foreign key), so it starts with a placeholder name.
        transaction.Execute("INSERT INTO persons (id, name_sealed, added_at) VALUES ($id, x'', $at)", ("$id", id), ("$at", time));
        var dataKey = PersonKeyRing.Create(transaction, master, id, KeyPurpose.Identity, now);
        var plaintext = Encoding.UTF8.GetBytes(name);
        try
        {
            var sealedName = RecordSealer.Seal(dataKey, plaintext, RecordBinding.For(RecordKind.PersonName, id, 0));
            transaction.Execute("UPDATE persons SET name_sealed = $name WHERE id = $id", ("$id", id), ("$name", sealedName));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public static IReadOnlyList<Person> Read(SqliteTransaction transaction, MasterKey master, string? onlyId)
    {
        using var command = transaction.Command("""
            SELECT p.id, p.name_sealed, p.added_at,
                   (SELECT COUNT(*) FROM face_templates t WHERE t.person_id = p.id),
                   (SELECT COUNT(*) FROM face_consents c WHERE c.person_id = p.id)
            FROM persons p WHERE $id IS NULL OR p.id = $id ORDER BY p.id
            """).With("$id", onlyId);
        using var reader = command.ExecuteReader();
        var persons = new List<Person>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var name = OpenName(transaction, master, id, (byte[])reader.GetValue(1));
            persons.Add(new Person(id, name, StoreTime.Parse(reader.GetString(2)), reader.GetInt32(3), reader.GetInt64(4) > 0));
        }

        return persons;
    }

    /// <summary>Deletes the person's remaining rows; data keys and face rows must already be gone.</summary>
    public static int Delete(SqliteTransaction transaction, string id) =>
        transaction.Execute("DELETE FROM persons WHERE id = $id", ("$id", id));

    private static string OpenName(SqliteTransaction transaction, MasterKey master, string id, byte[] sealedName)
    {
        var dataKey = PersonKeyRing.Unwrap(transaction, master, id, KeyPurpose.Identity)
            ?? throw new StoreIntegrityException($"Person '{id}' has no identity data key; the store is damaged.");
        try
        {
            var binding = RecordBinding.For(RecordKind.PersonName, id, 0);
            if (!RecordSealer.TryOpen(dataKey, sealedName, binding, out var plaintext))
            {
                throw new StoreIntegrityException($"The sealed name of person '{id}' fails authentication; the row was damaged, edited or copied from another person.");
            }

            var name = Encoding.UTF8.GetString(plaintext);
            CryptographicOperations.ZeroMemory(plaintext);
            return name;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}
