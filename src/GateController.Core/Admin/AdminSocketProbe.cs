using System.Net.Sockets;

namespace GateController.Core.Admin;

/// <summary>
/// Whether a daemon answers on a socket: a second daemon refuses to start, and gatectl's commands that work on the data
/// directory (restore, reset) refuse while one does.
/// </summary>
public static class AdminSocketProbe
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
