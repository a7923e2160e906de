using System.Net.Sockets;
using System.Text;

namespace GateController.Watchdog;

/// <summary>
/// sd_notify(3) without libsystemd: one AF_UNIX datagram per message to <c>$NOTIFY_SOCKET</c>, a path or, with a
/// leading '@', an abstract socket name. .NET's <c>UseSystemd</c> sends only READY=1 and STOPPING=1.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endpoint;

    public NotifySocket(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        _endpoint = new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address);
    }

    /// <summary>Sends one message such as <c>WATCHDOG=1</c>; false (not an exception) when systemd is not listening.</summary>
    public bool TrySend(string message, out string problem)
    {
        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(message), _endpoint);
            problem = "";
            return true;
        }
        catch (SocketException exception)
        {
            problem = exception.Message;
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
