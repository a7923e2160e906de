namespace GateController.Core.Admin;

/// <summary>
/// Where the admin socket lives. The packaged daemon uses /run/gate-controller (systemd's
/// RuntimeDirectory); a simulation run by an ordinary user falls back to its own runtime directory,
/// and gatectl looks in the same places in the same order.
/// </summary>
public static class AdminSocketLocation
{
    public const string SystemPath = "/run/gate-controller/admin.sock";
    public const string EnvironmentVariable = "GATE_SOCKET";

    /// <summary>The candidates in order of preference.</summary>
    public static IReadOnlyList<string> Candidates(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var candidates = new List<string>();
        if (environment(EnvironmentVariable) is { Length: > 0 } explicitPath)
        {
            candidates.Add(explicitPath);
        }

        candidates.Add(SystemPath);
        if (environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtimeDirectory)
        {
            candidates.Add(Path.Combine(runtimeDirectory, "gate-controller", "admin.sock"));
        }

        candidates.Add(Path.Combine(Path.GetTempPath(), $"gate-controller-{Environment.UserName}", "admin.sock"));
        return candidates;
    }
}
