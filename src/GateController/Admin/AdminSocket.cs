using GateController.Hosting;

namespace GateController.Admin;

/// <summary>The admin API's Unix socket: the only way to reach the daemon (there is no TCP listener).</summary>
internal static class AdminSocket
{
    /// <summary>Owner and group (gate-admin on a device) may connect; nobody else.</summary>
    public const UnixFileMode SocketMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private const UnixFileMode DirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>Creates the socket's directory and removes a socket left behind by a crashed daemon.</summary>
    public static void Prepare(string socketPath)
    {
        var directory = Path.GetDirectoryName(socketPath)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }

        if (!File.Exists(socketPath))
        {
            return;
        }

        if (Core.Admin.AdminSocketProbe.IsServed(socketPath))
        {
            throw new DaemonStartException($"another gate-controller is already serving {socketPath}; stop it first (systemctl stop gate-controller)");
        }

        File.Delete(socketPath);
    }

    public static void Restrict(string socketPath) => File.SetUnixFileMode(socketPath, SocketMode);
}
