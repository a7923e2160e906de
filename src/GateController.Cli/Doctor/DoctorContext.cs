using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace GateController.Cli.Doctor;

/// <summary>What the checks look at: the configuration file, and the running daemon's status when it answers (null otherwise).</summary>
internal sealed record DoctorContext(string ConfigFile, IConfiguration Configuration, JsonNode? Status)
{
    public bool Simulate => string.Equals(Configuration["Daemon:Simulate"], "true", StringComparison.OrdinalIgnoreCase);

    public string DataDirectory => Configuration["Daemon:DataDirectory"] is { Length: > 0 } directory ? directory : "/var/lib/gate-controller";

    /// <summary>Every GPIO line the configuration names (relay, door inputs, readers, keypads, feedback), with its key.</summary>
    public IEnumerable<(string Key, int Line)> ConfiguredLines() =>
        Configuration.AsEnumerable()
            .Where(pair => pair.Value is not null && IsLineKey(pair.Key) && int.TryParse(pair.Value, out var line) && line >= 0)
            .Select(pair => (pair.Key, int.Parse(pair.Value!, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);

    private static bool IsLineKey(string key)
    {
        var segments = key.Split(':');
        var last = segments[^1];
        return last.EndsWith("Pin", StringComparison.Ordinal) ||
            (segments.Length > 1 && int.TryParse(last, out _) && segments[^2].EndsWith("Pins", StringComparison.Ordinal));
    }
}
