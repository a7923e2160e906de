using System.Security.Cryptography;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Credentials;

/// <summary>
/// The device secret that keys card and PIN tags: 32 random bytes, sealed under the master key in
/// <c>meta</c>, created with the first card or PIN. Master key rotation must re-wrap it (README.md).
/// </summary>
internal static class CredentialPepper
{
    public const string MetaName = "credential_pepper";

    public static CredentialTags LoadOrCreate(SqliteTransaction transaction, MasterKey master)
    {
        using var command = transaction.Command("SELECT value FROM meta WHERE name = $name").With("$name", MetaName);
        if (command.ExecuteScalar() is byte[] sealedPepper)
        {
            if (!RecordSealer.TryOpen(master.Bytes, sealedPepper, Binding, out var pepper) || pepper.Length != CredentialTags.PepperBytes)
            {
                CryptographicOperations.ZeroMemory(pepper);
                throw new StoreIntegrityException("The credential pepper in meta fails authentication under the master key; the store is damaged.");
            }

            try
            {
                return new CredentialTags(pepper);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pepper);
            }
        }

        var fresh = GC.AllocateArray<byte>(CredentialTags.PepperBytes, pinned: true);
        RandomNumberGenerator.Fill(fresh);
        try
        {
            transaction.Execute(
                "INSERT INTO meta (name, value) VALUES ($name, $value)",
                ("$name", MetaName),
                ("$value", RecordSealer.Seal(master.Bytes, fresh, Binding)));
            return new CredentialTags(fresh);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    internal static RecordBinding Binding => new(RecordKind.CredentialPepper, string.Empty, MetaName);
}
