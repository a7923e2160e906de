using GateController.Core.Receipts;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Cli.Commands;

/// <summary>
/// The factory reset behind <c>gatectl reset</c> and the package's purge: first a receipt of what goes, signed by the
/// device key (which goes too) and written with that key's public half, then the erasure of the master key (file or
/// credential), every file of the data directory (store, WAL, backups, receipt archive), the model cache and, unless
/// kept, the configuration (the package's factory copy is put back). The daemon must be stopped.
/// </summary>
internal sealed class FactoryReset(ResetPaths paths, TimeProvider time, TextWriter output)
{
    /// <summary>The receipt and its public key, or null when there was no store to sign for.</summary>
    public (string Receipt, string PublicKey)? WriteReceipt()
    {
        if (!File.Exists(paths.StoreFile))
        {
            output.WriteLine($"no store in {paths.DataDirectory}: nothing to sign for");
            return null;
        }

        using var decrypted = paths.KeyFile is null && Environment.GetEnvironmentVariable(SystemdCredentialSource.DirectoryVariable) is null && File.Exists(paths.Credential)
            ? SealedKeyFile.Decrypt(paths.Credential)
            : null;
        var options = new StoreOptions { DataDirectory = paths.DataDirectory, MasterKeyFile = decrypted?.Path ?? paths.KeyFile };
        IMasterKeySource keySource = decrypted is null ? MasterKeySources.FromEnvironment(options) : new KeyFileSource(decrypted.Path, createDevelopmentKey: false);
        SignedReceipt receipt;
        byte[] publicKey;
        using (var store = GateStore.Open(options, keySource, time, NullLogger<GateStore>.Instance))
        {
            (receipt, publicKey) = store.IssueFactoryResetReceipt(new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["masterKey"] = 1,
                ["dataDirectoryFiles"] = CountFiles(paths.DataDirectory),
                ["backups"] = CountFiles(Path.Combine(paths.DataDirectory, "backups")),
                ["receiptArchive"] = CountFiles(Path.Combine(paths.DataDirectory, "receipts")),
            });
        }

        Directory.CreateDirectory(paths.ReceiptDirectory);
        var stem = Path.Combine(paths.ReceiptDirectory, $"factory-reset-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{receipt.Receipt.ReceiptId[^8..]}");
        File.WriteAllText(stem + ".json", ReceiptJson.Write(receipt) + "\n");
        File.WriteAllText(stem + ".device-key.pem", new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", publicKey)) + "\n");
        output.WriteLine($"signed receipt: {stem}.json (audit row {receipt.Receipt.AuditSequence}, {Summary(receipt.Receipt)})");
        output.WriteLine($"verify it later, offline: gatectl receipt verify {stem}.json --public-key {stem}.device-key.pem");
        return (stem + ".json", stem + ".device-key.pem");
    }

    public void Erase(bool keepConfig)
    {
        foreach (var key in new[] { paths.KeyFile ?? Path.Combine(paths.DataDirectory, StoreOptions.DefaultMasterKeyFileName), paths.Credential, paths.KeyFileDropIn })
        {
            if (File.Exists(key))
            {
                Overwrite(key);
                File.Delete(key);
                output.WriteLine($"erased {key}");
            }
        }

        EmptyDirectory(paths.DataDirectory);
        EmptyDirectory(paths.CacheDirectory);
        if (keepConfig)
        {
            output.WriteLine($"kept {paths.ConfigFile}");
        }
        else if (File.Exists(paths.FactoryConfig))
        {
            File.Copy(paths.FactoryConfig, paths.ConfigFile, overwrite: true);
            output.WriteLine($"{paths.ConfigFile} is the factory configuration again");
        }
        else if (File.Exists(paths.ConfigFile))
        {
            File.Delete(paths.ConfigFile);
            output.WriteLine($"erased {paths.ConfigFile}");
        }
    }

    /// <summary>
    /// Zeroes a key file before unlinking it. On flash the old blocks may survive wear levelling; what erases the data is
    /// that everything in the store is sealed under this key, and the key is gone.
    /// </summary>
    public static void Overwrite(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Write(new byte[stream.Length]);
        stream.Flush(flushToDisk: true);
    }

    private void EmptyDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var files = CountFiles(directory);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        output.WriteLine($"erased {files} files in {directory}");
    }

    private static long CountFiles(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).LongCount() : 0;

    private static string Summary(DeletionReceipt receipt) =>
        string.Join(", ", receipt.Deleted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
}
