using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Storage.Store;

public sealed class StoreOptions
{
    public const string Section = "Store";
    public const string DefaultMasterKeyFileName = "master.key";

    /// <summary>The <c>--data-dir</c>: holds <c>gate.db</c> (and its -wal/-shm) and, by default, the key file.</summary>
    [Required]
    [MinLength(1)]
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The master key file; null means <c>&lt;DataDirectory&gt;/master.key</c>.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Simulation only: create a random key (mode 0600) when none exists and no store exists yet.</summary>
    public bool CreateDevelopmentKey { get; set; }

    public string ResolvedMasterKeyFile =>
        string.IsNullOrWhiteSpace(MasterKeyFile) ? Path.Combine(DataDirectory, DefaultMasterKeyFileName) : MasterKeyFile;
}

[OptionsValidator]
public sealed partial class StoreOptionsValidator : IValidateOptions<StoreOptions>;
