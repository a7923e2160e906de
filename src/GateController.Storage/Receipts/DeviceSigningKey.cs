using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Receipts;

/// <summary>
/// The device's ECDSA P-256 key that signs deletion receipts. Created once, on first use, inside the
/// caller's transaction; stored only as PKCS#8 sealed under the master key (bound to the store id) in
/// <c>meta</c>, so it moves with key rotation and backups and is never on disk in the clear.
/// </summary>
internal static class DeviceSigningKey
{
    public const string MetaName = "device_signing_key";

    public static ECDsa GetOrCreate(SqliteTransaction transaction, MasterKey master) =>
        TryLoad(transaction, master) ?? Create(transaction, master);

    /// <summary>The public key (SubjectPublicKeyInfo DER), creating the key pair if there is none yet.</summary>
    public static byte[] PublicKey(SqliteTransaction transaction, MasterKey master)
    {
        using var key = GetOrCreate(transaction, master);
        return key.ExportSubjectPublicKeyInfo();
    }

    public static RecordBinding Binding(string storeId) => new(RecordKind.DeviceSigningKey, string.Empty, storeId);

    private static ECDsa? TryLoad(SqliteTransaction transaction, MasterKey master)
    {
        if (StoreMeta.Read(transaction, MetaName) is not { } sealedKey)
        {
            return null;
        }

        var storeId = StoreMeta.StoreId(transaction);
        if (!RecordSealer.TryOpen(master.Bytes, sealedKey, Binding(storeId), out var pkcs8))
        {
            throw new StoreIntegrityException(
                $"The device signing key in meta fails authentication under the master key; the row was damaged or edited. No receipt can be signed.");
        }

        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private static ECDsa Create(SqliteTransaction transaction, MasterKey master)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            StoreMeta.Write(transaction, MetaName, RecordSealer.Seal(master.Bytes, pkcs8, Binding(StoreMeta.StoreId(transaction))));
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
