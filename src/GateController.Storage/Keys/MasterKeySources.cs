using GateController.Storage.Store;

namespace GateController.Storage.Keys;

/// <summary>The usual choice of key source for the host.</summary>
public static class MasterKeySources
{
    /// <summary>
    /// The systemd credential when <c>$CREDENTIALS_DIRECTORY/master-key</c> exists (the unit loads it),
    /// otherwise the key file from <paramref name="options"/>. Other credentials may share that directory.
    /// </summary>
    public static IMasterKeySource FromEnvironment(StoreOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        environment ??= Environment.GetEnvironmentVariable;
        var credentials = environment(SystemdCredentialSource.DirectoryVariable);
        return !string.IsNullOrEmpty(credentials) && File.Exists(Path.Combine(credentials, SystemdCredentialSource.CredentialName))
            ? new SystemdCredentialSource(credentials)
            : new KeyFileSource(options.ResolvedMasterKeyFile, options.CreateDevelopmentKey);
    }
}
