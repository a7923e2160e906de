using System.Security.Cryptography;
using GateController.Storage.Credentials;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Receipts;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Rotation;

/// <summary>
/// Re-wraps everything sealed directly under the master key, inside the caller's transaction: every
/// <c>person_keys</c> row and the master-sealed <c>meta</c> records. Records sealed under data keys do
/// not change. A record that does not open under the old key aborts the whole rotation.
/// </summary>
internal static class MasterKeyRotation
{
    /// <summary>meta rows sealed under the master key, each with the binding it was sealed with.</summary>
    private static readonly (string MetaName, Func<string, RecordBinding> Binding)[] MasterSealedMeta =
    [
        (KeyCheck.MetaName, storeId => new RecordBinding(RecordKind.KeyCheck, string.Empty, storeId)),
        (DeviceSigningKey.MetaName, storeId => new RecordBinding(RecordKind.DeviceSigningKey, string.Empty, storeId)),
        (CredentialPepper.MetaName, _ => CredentialPepper.Binding),
        (Audit.PseudonymKey.MetaName, _ => Audit.PseudonymKey.Binding),
    ];

    public static (int DataKeys, int MetaRecords) Rewrap(SqliteTransaction transaction, MasterKey current, MasterKey next)
    {
        var rows = new List<(string PersonId, int Purpose, byte[] Wrapped)>();
        using (var command = transaction.Command("SELECT person_id, purpose, wrapped_key FROM person_keys ORDER BY person_id, purpose"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1), (byte[])reader.GetValue(2)));
            }
        }

        foreach (var (personId, purpose, wrapped) in rows)
        {
            var binding = PersonKeyRing.Binding(personId, (KeyPurpose)purpose);
            transaction.Execute(
                "UPDATE person_keys SET wrapped_key = $wrapped WHERE person_id = $person AND purpose = $purpose",
                ("$wrapped", Reseal(current, next, wrapped, binding)),
                ("$person", personId),
                ("$purpose", purpose));
        }

        var storeId = StoreMeta.StoreId(transaction);
        var metaRecords = 0;
        foreach (var (name, binding) in MasterSealedMeta)
        {
            if (StoreMeta.Read(transaction, name) is { } sealedValue)
            {
                StoreMeta.Write(transaction, name, Reseal(current, next, sealedValue, binding(storeId)));
                metaRecords++;
            }
        }

        return (rows.Count, metaRecords);
    }

    private static byte[] Reseal(MasterKey current, MasterKey next, byte[] sealedValue, RecordBinding binding)
    {
        if (!RecordSealer.TryOpen(current.Bytes, sealedValue, binding, out var plaintext))
        {
            throw new StoreIntegrityException($"Key rotation stopped: {binding} fails authentication under the current master key; nothing was changed.");
        }

        try
        {
            return RecordSealer.Seal(next.Bytes, plaintext, binding);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
