namespace GateController.Storage.Keys;

/// <summary>
/// The master key as a systemd credential: <c>LoadCredentialEncrypted=master-key:…</c> decrypts it
/// (TPM2-sealed by <c>systemd-creds</c> where the board has a TPM) into
/// <c>$CREDENTIALS_DIRECTORY/master-key</c>, a 0400 file on a private tmpfs. Never created here.
/// </summary>
public sealed class SystemdCredentialSource : IMasterKeySource
{
    public const string CredentialName = "master-key";
    public const string DirectoryVariable = "CREDENTIALS_DIRECTORY";

    private readonly string _path;

    public SystemdCredentialSource(string credentialsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialsDirectory);
        _path = Path.Combine(credentialsDirectory, CredentialName);
    }

    public string Description => $"systemd credential '{_path}'";

    public MasterKeyLoad Load(bool storeExists)
    {
        if (!File.Exists(_path))
        {
            throw new StoreKeyException(
                $"${DirectoryVariable} is set but the credential '{_path}' does not exist; " +
                $"add LoadCredentialEncrypted={CredentialName}:<file> to the unit.");
        }

        return new MasterKeyLoad(KeyFileReader.Read(_path), Description, CreatedDevelopmentKey: false);
    }
}
