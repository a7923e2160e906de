using System.Net.Sockets;
using System.Threading.Channels;
using GateController.Storage.Store;
using Microsoft.Extensions.Options;

namespace GateController.Journal;

/// <summary>
/// Sends <see cref="JournalEntry"/>s to journald off the caller's thread: <see cref="Enqueue"/> never
/// blocks (a full backlog drops the oldest), and this loop pseudonymises, encodes and sends. Off when
/// <c>Journal:Enabled</c> is false or the socket does not exist at start (a laptop simulation). Payloads
/// stay far below the datagram limit, so the memfd path of the protocol is not implemented.
/// </summary>
internal sealed class JournalWriter(IOptions<JournalOptions> options, GateStore store, ILogger<JournalWriter> logger) : BackgroundService
{
    public const string Identifier = "gate-controller";
    private const int Backlog = 4096;

    private readonly Channel<JournalEntry> _pending = Channel.CreateBounded<JournalEntry>(new BoundedChannelOptions(Backlog)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private volatile bool _off;

    public void Enqueue(JournalEntry entry)
    {
        if (!_off)
        {
            _pending.Writer.TryWrite(entry);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !File.Exists(settings.SocketPath))
        {
            _off = true;
            _pending.Writer.TryComplete();
            Log.JournalOff(logger, settings.Enabled ? $"{settings.SocketPath} does not exist" : "Journal:Enabled is false");
            return;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var endpoint = new UnixDomainSocketEndPoint(settings.SocketPath);
        try
        {
            await foreach (var entry in _pending.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Send(socket, endpoint, entry);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_pending.Reader.TryRead(out var entry))
            {
                Send(socket, endpoint, entry);
            }
        }
    }

    private void Send(Socket socket, UnixDomainSocketEndPoint endpoint, JournalEntry entry)
    {
        List<(string, string)> fields =
        [
            ("MESSAGE", entry.Message),
            ("PRIORITY", entry.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("SYSLOG_IDENTIFIER", Identifier),
            ("GATE_EVENT", entry.Event),
            .. entry.Fields,
        ];
        if (entry.PersonId is not null)
        {
            // The same pseudonym as the person's log lines, so a technician can follow one resident across both.
            fields.Add(("GATE_PERSON", store.Pseudonyms.Of(entry.PersonId)));
        }

        try
        {
            socket.SendTo(JournalDatagram.Encode(fields), endpoint);
        }
        catch (SocketException exception)
        {
            // journald restarting or overloaded: the entry is lost here, but the audit chain has the decision.
            Log.JournalSendFailed(logger, entry.Event, exception.SocketErrorCode);
        }
    }
}
