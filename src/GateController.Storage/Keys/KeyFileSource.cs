using System.Security.Cryptography;

namespace GateController.Storage.Keys;

/// <summary>
/// The master key in a file (default <c>&lt;data-dir&gt;/master.key</c>). In development mode, and only
/// while no store exists yet, a missing file is created with fresh random bytes and mode 0600.
/// </summary>
public sealed class KeyFileSource : IMasterKeySource
{
    private readonly string _path;
    private readonly bool _createDevelopmentKey;

    public KeyFileSource(string path, bool createDevelopmentKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _createDevelopmentKey = createDevelopmentKey;
    }

    public string Description => $"key file '{_path}'";

    /// <summary>The key file's full path; key rotation replaces this file.</summary>
    public string KeyFilePath => _path;

    public MasterKeyLoad Load(bool storeExists)
    {
        if (File.Exists(_path))
        {
            return new MasterKeyLoad(KeyFileReader.Read(_path), Description, CreatedDevelopmentKey: false);
        }

        if (!_createDevelopmentKey)
        {
            throw new StoreKeyException(
                $"Master key file '{_path}' does not exist. Provide the key this store was created with, " +
                "or the systemd credential 'master-key' ($CREDENTIALS_DIRECTORY).");
        }

        if (storeExists)
        {
            // A fresh key can never open existing data; creating one would only hide the real problem.
            throw new StoreKeyException(
                $"Master key file '{_path}' does not exist, but a store already exists; a new development key " +
                "is never created over an existing store. Restore the original key file.");
        }

        return new MasterKeyLoad(CreateDevelopmentKey(), Description, CreatedDevelopmentKey: true);
    }

    private MasterKey CreateDevelopmentKey()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var key = MasterKey.CreateRandom();
        var bytes = key.Bytes.ToArray();
        try
        {
            using var stream = new FileStream(_path, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
