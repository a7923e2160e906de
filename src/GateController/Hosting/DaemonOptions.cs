using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

public sealed class DaemonOptions
{
    public const string Section = "Daemon";

    /// <summary>The packaged daemon's state directory (systemd StateDirectory=gate-controller).</summary>
    public const string SystemDataDirectory = "/var/lib/gate-controller";

    /// <summary>Run on simulated GPIO and sample media, with a development key; for laptops and tests.</summary>
    public bool Simulate { get; set; }

    [Required]
    public string DataDirectory { get; set; } = "";

    [Required]
    public string SocketPath { get; set; } = "";
}

[OptionsValidator]
public sealed partial class DaemonOptionsValidator : IValidateOptions<DaemonOptions>;
