using System.Threading.Channels;
using GateController.Core.Events;
using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>
/// Persists decisions off the decision thread: a durable write waits for fsync, which must never
/// delay the relay. If the disk falls far behind, the oldest unwritten events are dropped and counted.
/// </summary>
internal sealed partial class StoredAccessEvents(GateStore store, ILogger<StoredAccessEvents> logger) : BackgroundService, IAccessEventSink
{
    private const int Backlog = 10_000;

    private readonly Channel<AccessEvent> _pending = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(Backlog)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Publish(AccessEvent accessEvent) => _pending.Writer.TryWrite(accessEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var accessEvent in _pending.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                store.AppendAccessEvent(accessEvent);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued so acknowledged decisions are not lost.
            while (_pending.Reader.TryRead(out var accessEvent))
            {
                store.AppendAccessEvent(accessEvent);
            }

            LogFlushed(logger);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Queued access events written at shutdown")]
    private static partial void LogFlushed(ILogger logger);
}
