using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Store;
using GateController.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Door;

/// <summary>Door events go to the real store like decisions; a backlog the disk cannot keep up with drops the oldest decisions, counted, and never an alarm.</summary>
public sealed class StoredDoorEventsTests
{
    private static AccessEvent Decision(long sequence) =>
        new(sequence, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), AccessMethod.Card, "front", null, AccessResult.Denied, "unknown card", TimeSpan.FromMilliseconds(1));

    private static AccessEvent Alarm(long sequence, int door) =>
        new(sequence, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), AccessMethod.Door, $"door{door}:contact", null, AccessResult.Alarm, DoorAlarm.ForcedOpen, TimeSpan.Zero, door);

    [Test]
    public async Task A_full_backlog_counts_dropped_decisions_and_keeps_every_alarm()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        using var events = new StoredAccessEvents(store, NullLogger<StoredAccessEvents>.Instance, backlog: 4);

        // The writer is not running yet: the backlog fills exactly as it does when the disk stalls.
        events.Publish(Alarm(1, 2));
        for (var sequence = 2; sequence <= 10; sequence++)
        {
            events.Publish(Decision(sequence));
        }

        Assert.That(events.Dropped, Is.EqualTo(5), "10 events into a backlog of 4: the alarm is kept aside, 5 of 9 decisions dropped");
        await events.StartAsync(CancellationToken.None);
        for (var wait = 0; wait < 200 && store.Health().AccessEvents < 5; wait++)
        {
            await Task.Delay(50);
        }

        await events.StopAsync(CancellationToken.None);

        var stored = store.RecentAccessEvents(100);
        Assert.That(stored.Select(e => e.Sequence), Is.EquivalentTo(new long[] { 1, 7, 8, 9, 10 }));
        var alarm = stored.Single(e => e.Sequence == 1);
        Assert.That((alarm.Result, alarm.Reason, alarm.Door, alarm.Method), Is.EqualTo((AccessResult.Alarm, DoorAlarm.ForcedOpen, 2, AccessMethod.Door)));
        Assert.That(store.VerifyAudit().IsValid, Is.True, "door events are audited in the same chain");
    }
}
