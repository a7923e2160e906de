using System.Globalization;
using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Keys;

/// <summary>
/// Per-person data keys: 32 random bytes, stored only wrapped (AES-256-GCM) by the master key with
/// associated data naming the person and purpose. Destroying the wrapped key makes every copy of the
/// data sealed under it unreadable (crypto-erasure). Returned keys are pinned; callers zero them.
/// </summary>
internal static class PersonKeyRing
{
    public const int DataKeySize = 32;

    public static byte[] Create(SqliteTransaction transaction, MasterKey master, string personId, KeyPurpose purpose, DateTimeOffset now)
    {
        var dataKey = GC.AllocateArray<byte>(DataKeySize, pinned: true);
        RandomNumberGenerator.Fill(dataKey);
        var wrapped = RecordSealer.Seal(master.Bytes, dataKey, Binding(personId, purpose));
        transaction.Execute(
            "INSERT INTO person_keys (person_id, purpose, wrapped_key, created_at) VALUES ($person, $purpose, $wrapped, $at)",
            ("$person", personId),
            ("$purpose", (int)purpose),
            ("$wrapped", wrapped),
            ("$at", StoreTime.Format(now)));
        return dataKey;
    }

    /// <summary>The person's key for <paramref name="purpose"/>, or null when they have none.</summary>
    public static byte[]? Unwrap(SqliteTransaction transaction, MasterKey master, string personId, KeyPurpose purpose)
    {
        using var command = transaction
            .Command("SELECT wrapped_key FROM person_keys WHERE person_id = $person AND purpose = $purpose")
            .With("$person", personId)
            .With("$purpose", (int)purpose);
        if (command.ExecuteScalar() is not byte[] wrapped)
        {
            return null;
        }

        if (!RecordSealer.TryOpen(master.Bytes, wrapped, Binding(personId, purpose), out var dataKey) || dataKey.Length != DataKeySize)
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw new StoreIntegrityException(
                $"The {purpose} data key of person '{personId}' fails authentication under the master key; " +
                "the row was damaged, edited or copied from another person.");
        }

        return dataKey;
    }

    /// <summary>Overwrites, then deletes the wrapped key(s); returns how many were destroyed.</summary>
    public static int Destroy(SqliteTransaction transaction, string personId, KeyPurpose? purpose)
    {
        const string Where = "WHERE person_id = $person AND ($purpose IS NULL OR purpose = $purpose)";
        object? purposeValue = purpose is { } p ? (int)p : null;
        transaction.Execute(
            "UPDATE person_keys SET wrapped_key = zeroblob(length(wrapped_key)) " + Where,
            ("$person", personId),
            ("$purpose", purposeValue));
        return transaction.Execute("DELETE FROM person_keys " + Where, ("$person", personId), ("$purpose", purposeValue));
    }

    internal static RecordBinding Binding(string personId, KeyPurpose purpose) =>
        new(RecordKind.DataKey, personId, ((int)purpose).ToString(CultureInfo.InvariantCulture));
}
