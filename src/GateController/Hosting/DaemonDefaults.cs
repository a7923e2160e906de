using GateController.Core.Admin;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

/// <summary>
/// Fills in the data directory and socket when neither the command line nor the config set them:
/// the packaged paths on a device, per-user paths in simulation so a laptop user needs no root.
/// </summary>
internal sealed class DaemonDefaults : IPostConfigureOptions<DaemonOptions>
{
    public void PostConfigure(string? name, DaemonOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = options.Simulate ? SimulationDataDirectory() : DaemonOptions.SystemDataDirectory;
        }

        if (string.IsNullOrWhiteSpace(options.SocketPath))
        {
            options.SocketPath = options.Simulate ? FirstUsableSocketPath() : AdminSocketLocation.SystemPath;
        }

        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        options.SocketPath = Path.GetFullPath(options.SocketPath);
    }

    private static string SimulationDataDirectory()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "gate-controller", "simulation");
    }

    private static string FirstUsableSocketPath()
    {
        foreach (var candidate in AdminSocketLocation.Candidates(Environment.GetEnvironmentVariable))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(candidate)!);
                return candidate;
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                // Not ours to create (e.g. /run without root); try the next place.
            }
        }

        return AdminSocketLocation.Candidates(Environment.GetEnvironmentVariable)[^1];
    }
}
