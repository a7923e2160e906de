using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Tests.Core;

public sealed class AccessEventJournalTests
{
    private static AccessEvent Event(long sequence) =>
        new(sequence, DateTimeOffset.UnixEpoch, AccessMethod.Card, "front", null, AccessResult.Denied, "unknown card", TimeSpan.Zero);

    [Test]
    public void Recent_keeps_only_the_newest_events_up_to_capacity()
    {
        var journal = new AccessEventJournal(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            journal.Publish(Event(i));
        }

        Assert.That(journal.Recent().Select(e => e.Sequence), Is.EqualTo(new long[] { 3, 4, 5 }));
    }

    [Test]
    public async Task Follow_streams_only_events_published_after_it_starts()
    {
        var journal = new AccessEventJournal();
        journal.Publish(Event(1));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var follower = journal.FollowAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        // The first MoveNextAsync runs until it waits, which registers the follower.
        var first = follower.MoveNextAsync();
        journal.Publish(Event(2));
        journal.Publish(Event(3));

        Assert.That(await first, Is.True);
        Assert.That(follower.Current.Sequence, Is.EqualTo(2));
        Assert.That(await follower.MoveNextAsync(), Is.True);
        Assert.That(follower.Current.Sequence, Is.EqualTo(3));
    }

    [Test]
    public void Restored_history_from_the_store_comes_before_this_runs_decisions_within_capacity()
    {
        var journal = new AccessEventJournal(capacity: 4);
        journal.Publish(Event(11));

        journal.RestoreHistory([Event(7), Event(8), Event(9), Event(10), Event(11)]);
        journal.Publish(Event(12));

        Assert.That(journal.Recent().Select(e => e.Sequence), Is.EqualTo(new long[] { 9, 10, 11, 12 }), "no duplicate of 11, oldest dropped");
    }
}
