using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Audit;

/// <summary>
/// The device secret behind the pseudonymous person ids sent to journald: 32 random bytes, sealed under the
/// master key in <c>meta</c> (re-wrapped by key rotation, carried by backups), created on first use. A
/// random secret rather than one derived from the master key keeps pseudonyms stable across rotations.
/// </summary>
internal static class PseudonymKey
{
    public const string MetaName = "pseudonym_key";
    public const int Bytes = 32;

    internal static RecordBinding Binding => new(RecordKind.PseudonymKey, string.Empty, MetaName);

    public static byte[] LoadOrCreate(SqliteTransaction transaction, MasterKey master)
    {
        if (StoreMeta.Read(transaction, MetaName) is { } sealedKey)
        {
            if (!RecordSealer.TryOpen(master.Bytes, sealedKey, Binding, out var key) || key.Length != Bytes)
            {
                CryptographicOperations.ZeroMemory(key);
                throw new StoreIntegrityException("The pseudonym key in meta fails authentication under the master key; the store is damaged.");
            }

            return key;
        }

        var fresh = RandomNumberGenerator.GetBytes(Bytes);
        StoreMeta.Write(transaction, MetaName, RecordSealer.Seal(master.Bytes, fresh, Binding));
        return fresh;
    }
}
