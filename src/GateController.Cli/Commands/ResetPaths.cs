namespace GateController.Cli.Commands;

/// <summary>Where a packaged gate keeps what a factory reset erases, and where the receipt goes; each a <c>gatectl reset</c> option.</summary>
internal sealed record ResetPaths(
    string DataDirectory,
    string? KeyFile,
    string Credential,
    string ConfigDirectory,
    string CacheDirectory,
    string ReceiptDirectory,
    string FactoryConfig)
{
    public const string DefaultDataDirectory = "/var/lib/gate-controller";
    public const string DefaultCredential = "/etc/gate-controller/master-key.cred";
    public const string DefaultConfigDirectory = "/etc/gate-controller";
    public const string DefaultCacheDirectory = "/var/cache/gate-controller";

    /// <summary>Kept by the reset and by a purge: the technician is told this path.</summary>
    public const string DefaultReceiptDirectory = "/var/log/gate-controller";

    /// <summary>The package's pristine copy of the conffile, put back by a reset without --keep-config.</summary>
    public const string DefaultFactoryConfig = "/usr/share/gate-controller/config.json";

    /// <summary>postinst's drop-in for a gate without systemd-creds (the key is a 0600 file then).</summary>
    public string KeyFileDropIn { get; init; } = "/etc/systemd/system/gate-controller.service.d/master-key-file.conf";

    public string ConfigFile => Path.Combine(ConfigDirectory, "config.json");

    public string StoreFile => Path.Combine(DataDirectory, "gate.db");
}
