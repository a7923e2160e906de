using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Tests.Storage;

public sealed class AccessEventStoreTests
{
    private static AccessEvent Event(long sequence, string? person) =>
        new(sequence, new DateTimeOffset(2026, 3, 1, 8, 0, (int)sequence, TimeSpan.Zero), AccessMethod.Card, "front", person,
            person is null ? AccessResult.Denied : AccessResult.Granted, person is null ? "unknown card" : "card", TimeSpan.FromMilliseconds(3.25));

    [Test]
    public void Recent_access_events_are_the_newest_oldest_first_and_survive_reopen()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            for (var i = 1; i <= 5; i++)
            {
                store.AppendAccessEvent(Event(i, i % 2 == 0 ? "A-1" : null));
            }
        }

        using var reopened = sandbox.Open();
        var recent = reopened.RecentAccessEvents(3);

        Assert.That(recent, Is.EqualTo(new[] { Event(3, null), Event(4, "A-1"), Event(5, null) }));
        Assert.That(reopened.Health().AccessEvents, Is.EqualTo(5));
    }
}
