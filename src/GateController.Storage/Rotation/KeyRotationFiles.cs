using GateController.Storage.Keys;

namespace GateController.Storage.Rotation;

/// <summary>
/// Where a rotation writes the new key before the re-wrap commits. With a key file: <c>&lt;key&gt;.new</c>
/// beside it, renamed over it after commit. With a systemd credential the daemon cannot write the
/// credential, so the new key stays in <c>&lt;data-dir&gt;/master-key.new</c> until the operator seals it.
/// </summary>
internal static class KeyRotationFiles
{
    public const string PendingSuffix = ".new";
    public const string SystemdPendingFileName = SystemdCredentialSource.CredentialName + PendingSuffix;

    public static string PendingPath(IMasterKeySource source, string dataDirectory) => source switch
    {
        KeyFileSource file => file.KeyFilePath + PendingSuffix,
        _ => Path.Combine(dataDirectory, SystemdPendingFileName),
    };

    /// <summary>The key file the pending key replaces after commit; null when the operator must install it (systemd).</summary>
    public static string? InstalledPath(IMasterKeySource source) => (source as KeyFileSource)?.KeyFilePath;
}
