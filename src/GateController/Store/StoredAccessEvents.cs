using System.Collections.Concurrent;
using System.Threading.Channels;
using GateController.Core.Events;
using GateController.Storage.Store;

namespace GateController.Store;

/// <summary>
/// Persists decisions, each with its audit-chain row, off the decision thread: a durable write waits for fsync, which must never
/// delay the relay. If the disk falls far behind, the oldest unwritten events are dropped and counted
/// (<see cref="Dropped"/>, shown in <c>gatectl status</c>); an alarm is never dropped: one pushed out of
/// the backlog is kept aside and written first.
/// </summary>
internal sealed partial class StoredAccessEvents : BackgroundService, IAccessEventSink
{
    public const int DefaultBacklog = 10_000;

    /// <summary>Bounds one transaction after a burst; 256 rows commit in a few milliseconds on eMMC.</summary>
    private const int MaxBatch = 256;

    private readonly GateStore _store;
    private readonly ILogger<StoredAccessEvents> _logger;
    private readonly Channel<AccessEvent> _pending;
    private readonly ConcurrentQueue<AccessEvent> _keptAlarms = new();
    private long _dropped;

    public StoredAccessEvents(GateStore store, ILogger<StoredAccessEvents> logger)
        : this(store, logger, DefaultBacklog)
    {
    }

    internal StoredAccessEvents(GateStore store, ILogger<StoredAccessEvents> logger, int backlog)
    {
        _store = store;
        _logger = logger;
        _pending = Channel.CreateBounded<AccessEvent>(
            new BoundedChannelOptions(backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    /// <summary>Events (never alarms) lost because the disk fell more than the backlog behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(AccessEvent accessEvent) => _pending.Writer.TryWrite(accessEvent);

    private void OnDropped(AccessEvent accessEvent)
    {
        if (accessEvent.IsAlarm)
        {
            _keptAlarms.Enqueue(accessEvent);
            return;
        }

        if (Interlocked.Increment(ref _dropped) == 1)
        {
            LogDropping(_logger);
        }
    }

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
            LogFlushed(_logger);
        }
    }

    /// <summary>Each event and its audit row in one transaction per batch: one fsync however long the backlog.</summary>
    private void WriteBatch(List<AccessEvent> batch)
    {
        do
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _keptAlarms.TryDequeue(out var alarm))
            {
                batch.Add(alarm);
            }

            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var accessEvent))
            {
                batch.Add(accessEvent);
            }

            _store.AppendAccessEvents(batch);
        }
        while (batch.Count == MaxBatch || !_keptAlarms.IsEmpty);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "The store fell a whole backlog behind: the oldest unwritten access events are being dropped (alarms are kept)")]
    private static partial void LogDropping(ILogger logger);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Queued access events written at shutdown")]
    private static partial void LogFlushed(ILogger logger);
}
