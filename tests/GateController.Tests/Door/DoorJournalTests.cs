using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Journal;

namespace GateController.Tests.Door;

/// <summary>Door events are journaled like decisions, alarms at syslog priority 2 (critical) so an alerting rule can page on them.</summary>
public sealed class DoorJournalTests
{
    [Test]
    public void An_alarm_is_a_critical_door_entry_that_names_its_door()
    {
        var alarm = new AccessEvent(7, DateTimeOffset.UnixEpoch, AccessMethod.Door, "door2:contact", null, AccessResult.Alarm, DoorAlarm.ForcedOpen, TimeSpan.Zero, 2);

        var entry = JournalEntry.Decision(alarm);

        Assert.That((entry.Event, entry.Priority, entry.PersonId), Is.EqualTo(("door", JournalEntry.Critical, (string?)null)));
        Assert.That(entry.Fields, Does.Contain(("GATE_DOOR", "2")).And.Contain(("GATE_REASON", "forcedOpen")));
    }

    [Test]
    public void A_decision_stays_a_decision_entry()
    {
        var decision = new AccessEvent(8, DateTimeOffset.UnixEpoch, AccessMethod.Card, "front", "A-1", AccessResult.Granted, "card", TimeSpan.Zero);

        Assert.That((JournalEntry.Decision(decision).Event, JournalEntry.Decision(decision).Priority), Is.EqualTo(("decision", JournalEntry.Informational)));
    }
}
