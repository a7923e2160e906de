using System.Threading.Channels;
using GateController.Core.Events;
using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>
/// Persists decisions, each with its audit-chain row, off the decision thread: a durable write waits for fsync, which must never
/// delay the relay. If the disk falls far behind, the oldest unwritten events are dropped and counted.
/// </summary>
internal sealed partial class StoredAccessEvents(GateStore store, ILogger<StoredAccessEvents> logger) : BackgroundService, IAccessEventSink
{
    private const int Backlog = 10_000;

    /// <summary>Bounds one transaction after a burst; 256 rows commit in a few milliseconds on eMMC.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<AccessEvent> _pending = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(Backlog)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Publish(AccessEvent accessEvent) => _pending.Writer.TryWrite(accessEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AccessEvent>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                WriteBatch(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued so acknowledged decisions are not lost.
            WriteBatch(batch);
            LogFlushed(logger);
        }
    }

    /// <summary>Each event and its audit row in one transaction per batch: one fsync however long the backlog.</summary>
    private void WriteBatch(List<AccessEvent> batch)
    {
        do
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var accessEvent))
            {
                batch.Add(accessEvent);
            }

            store.AppendAccessEvents(batch);
        }
        while (batch.Count == MaxBatch);
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Queued access events written at shutdown")]
    private static partial void LogFlushed(ILogger logger);
}
