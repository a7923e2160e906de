using System.Net.Sockets;

namespace GateController.Cli.Commands;

/// <summary>Whether a daemon answers on a socket: commands that work on the data directory refuse while one does.</summary>
internal static class AdminSocketProbe
{
    public static bool IsServed(string socketPath)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
