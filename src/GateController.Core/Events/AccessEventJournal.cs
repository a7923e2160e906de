using System.Threading.Channels;

namespace GateController.Core.Events;

/// <summary>
/// The recent decisions in memory, for <c>gatectl events</c>, plus live subscriptions for
/// <c>--follow</c>. Bounded: the oldest events fall off, and a slow follower loses events rather than
/// slowing the engine.
/// </summary>
public sealed class AccessEventJournal : IAccessEventSink
{
    public const int DefaultCapacity = 1000;
    private const int FollowerBuffer = 256;

    private readonly Lock _gate = new();
    private readonly Queue<AccessEvent> _recent;
    private readonly int _capacity;
    private readonly List<Channel<AccessEvent>> _followers = [];

    public AccessEventJournal(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _recent = new Queue<AccessEvent>(capacity);
    }

    public void Publish(AccessEvent accessEvent)
    {
        lock (_gate)
        {
            if (_recent.Count == _capacity)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(accessEvent);
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(accessEvent);
            }
        }
    }

    /// <summary>
    /// Puts decisions of earlier runs (from the store, oldest first) before this run's, so <c>gatectl events</c>
    /// shows them after a restart. Followers are not sent them: they only follow new decisions.
    /// </summary>
    public void RestoreHistory(IReadOnlyList<AccessEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        lock (_gate)
        {
            var current = _recent.ToArray();
            var oldestCurrent = current.Length > 0 ? current[0].Sequence : long.MaxValue;
            _recent.Clear();
            foreach (var accessEvent in history.Where(e => e.Sequence < oldestCurrent).Concat(current).TakeLast(_capacity))
            {
                _recent.Enqueue(accessEvent);
            }
        }
    }

    public IReadOnlyList<AccessEvent> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <summary>Streams events published from now on until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<AccessEvent> FollowAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(FollowerBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _followers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var accessEvent))
                {
                    yield return accessEvent;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _followers.Remove(channel);
            }
        }
    }
}
