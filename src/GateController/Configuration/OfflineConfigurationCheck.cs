using GateController.Hosting;

namespace GateController.Configuration;

/// <summary>
/// <c>gatectl config check FILE</c>: the daemon's own start-up on a file, up to the point where it would create
/// anything (the schema check, then every options validator), so the messages are the ones start-up would print.
/// The environment of the shell running the check is left out: it is not the service's.
/// </summary>
public static class OfflineConfigurationCheck
{
    /// <summary>One keyed message per problem; empty when the daemon would start with this file.</summary>
    /// <param name="configFile">The JSON configuration file.</param>
    /// <param name="simulate">Check as <c>--simulate</c> would run it (its default reader and keypad count).</param>
    public static IReadOnlyList<string> Check(string configFile, bool simulate)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (simulate)
        {
            settings[$"{DaemonOptions.Section}:{nameof(DaemonOptions.Simulate)}"] = "true";
        }

        try
        {
            // Never built: building prepares the admin socket, which belongs to the running daemon.
            DaemonComposition.CreateBuilder(new DaemonArguments(configFile, settings, ShowHelp: false), environment: false).CheckConfigurationFirst();
            return [];
        }
        catch (Exception exception) when (StartupFailure.IsConfigurationError(exception))
        {
            return StartupFailure.Describe(exception);
        }
    }
}
