using System.Net.Sockets;
using System.Text;

namespace GateController.Tests.Daemon;

/// <summary>A datagram socket standing in for journald's: keeps every entry the daemon sends, as text.</summary>
internal sealed class FakeJournald : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _entries = [];
    private readonly Task _receiving;

    public FakeJournald(string socketPath)
    {
        SocketPath = socketPath;
        _socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        _receiving = ReceiveAsync();
    }

    public string SocketPath { get; }

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                lock (_entries)
                {
                    _entries.Add(Encoding.UTF8.GetString(buffer, 0, received));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _receiving.Wait(TimeSpan.FromSeconds(5));
        _socket.Dispose();
        _stop.Dispose();
    }
}
