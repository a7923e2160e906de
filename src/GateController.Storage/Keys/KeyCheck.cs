using System.Security.Cryptography;
using System.Text;
using GateController.Storage.Database;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Keys;

/// <summary>
/// A known value sealed under the master key in <c>meta</c>. Opening it proves the loaded key is the
/// store's key before anything else is read, so a wrong key gives one clear error, not a stream of
/// "record damaged" errors.
/// </summary>
internal static class KeyCheck
{
    internal const string MetaName = "key_check";
    private const string StoreIdName = "store_id";
    private static readonly byte[] KnownValue = Encoding.ASCII.GetBytes("GateController master key check v1");

    public static bool IsInitialised(SqliteTransaction transaction) =>
        transaction.Scalar<long>("SELECT COUNT(*) FROM meta WHERE name = $name", ("$name", MetaName)) > 0;

    public static void Initialise(SqliteTransaction transaction, MasterKey key)
    {
        var storeId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        transaction.Execute("INSERT INTO meta (name, value) VALUES ($name, $value)", ("$name", StoreIdName), ("$value", Encoding.ASCII.GetBytes(storeId)));
        var sealedValue = RecordSealer.Seal(key.Bytes, KnownValue, Binding(storeId));
        transaction.Execute("INSERT INTO meta (name, value) VALUES ($name, $value)", ("$name", MetaName), ("$value", sealedValue));
    }

    public static void Verify(SqliteTransaction transaction, MasterKey key, string keySource, string storePath)
    {
        var storeId = Encoding.ASCII.GetString(Meta(transaction, StoreIdName) ?? []);
        var sealedValue = Meta(transaction, MetaName) ?? [];
        if (!RecordSealer.TryOpen(key.Bytes, sealedValue, Binding(storeId), out var opened))
        {
            throw new StoreKeyException(
                $"The master key from {keySource} does not open the store '{storePath}' (its key-check record fails " +
                "authentication). Use the key this store was created with; a store is never re-keyed by starting with another key.");
        }

        var matches = opened.AsSpan().SequenceEqual(KnownValue);
        CryptographicOperations.ZeroMemory(opened);
        if (!matches)
        {
            throw new StoreKeyException($"The key-check record of store '{storePath}' opened to an unexpected value; the store is damaged.");
        }
    }

    internal static RecordBinding Binding(string storeId) => new(RecordKind.KeyCheck, string.Empty, storeId);

    private static byte[]? Meta(SqliteTransaction transaction, string name)
    {
        using var command = transaction.Command("SELECT value FROM meta WHERE name = $name").With("$name", name);
        return command.ExecuteScalar() as byte[];
    }
}
