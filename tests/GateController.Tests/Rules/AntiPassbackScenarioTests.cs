using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Rules;

namespace GateController.Tests.Rules;

/// <summary>Anti-passback over the paired readers "front" (entry; its keypad counts as it) and "front-out" (exit).</summary>
public sealed class AntiPassbackScenarioTests
{
    private static AccessRulesOptions AntiPassback(AntiPassbackMode mode) => new()
    {
        AntiPassback = new AntiPassbackOptions { Mode = mode, Pairs = [new AntiPassbackPair { Entry = "front", Exit = "front-out" }] },
    };

    [Test]
    public void Hard_anti_passback_denies_a_second_entry_until_the_person_has_left()
    {
        using var rig = new RulesRig("UTC", AntiPassback(AntiPassbackMode.Hard));
        rig.AddResident();

        var entry = rig.SwipeCard("front");
        var secondEntry = rig.SwipeCard("front");
        var secondEntryByPin = rig.TypePin("front-keypad");
        var exit = rig.SwipeCard("front-out");
        var entryAfterExit = rig.SwipeCard("front");

        Assert.That(entry.Result, Is.EqualTo(AccessResult.Granted));
        Assert.That((secondEntry.Result, secondEntry.Reason), Is.EqualTo((AccessResult.Denied, AccessRefusals.AntiPassback)));
        Assert.That(secondEntryByPin.Reason, Is.EqualTo(AccessRefusals.AntiPassback), "the entry keypad belongs to the entry reader");
        Assert.That((exit.Result, entryAfterExit.Result), Is.EqualTo((AccessResult.Granted, AccessResult.Granted)));
        Assert.That(rig.Pulses, Is.EqualTo(3));
    }

    [Test]
    public void Soft_anti_passback_grants_the_second_entry_and_says_so_in_the_reason()
    {
        using var rig = new RulesRig("UTC", AntiPassback(AntiPassbackMode.Soft));
        rig.AddResident();

        var entry = rig.SwipeCard("front");
        var secondEntry = rig.SwipeCard("front");
        var exit = rig.SwipeCard("front-out");
        var entryAfterExit = rig.SwipeCard("front");

        Assert.That((entry.Result, entry.Reason), Is.EqualTo((AccessResult.Granted, "card")));
        Assert.That((secondEntry.Result, secondEntry.Reason), Is.EqualTo((AccessResult.Granted, "card; antiPassback logged")));
        Assert.That((exit.Reason, entryAfterExit.Reason), Is.EqualTo(("card", "card")));
    }

    [Test]
    public void The_timed_reset_forgets_an_entry_and_an_exit_is_never_refused()
    {
        using var rig = new RulesRig("UTC", AntiPassback(AntiPassbackMode.Hard));
        rig.AddResident();

        var exitWithoutEntry = rig.SwipeCard("front-out");
        rig.SwipeCard("front");
        rig.Time.Advance(AntiPassbackOptions.DefaultResetAfter - TimeSpan.FromSeconds(1));
        var justBefore = rig.SwipeCard("front");
        rig.Time.Advance(AntiPassbackOptions.DefaultResetAfter);
        var afterReset = rig.SwipeCard("front");

        Assert.That(exitWithoutEntry.Result, Is.EqualTo(AccessResult.Granted));
        Assert.That(justBefore.Reason, Is.EqualTo(AccessRefusals.AntiPassback));
        Assert.That(afterReset.Result, Is.EqualTo(AccessResult.Granted));
    }

    [Test]
    public void A_refused_entry_is_no_passage_and_does_not_arm_anti_passback()
    {
        var options = AntiPassback(AntiPassbackMode.Hard);
        options.PersonsWithoutGroup = UngroupedPersons.Denied;
        using var rig = new RulesRig("UTC", options);
        rig.AddResident();
        rig.SaveGroup("always", ["00:00-24:00"]);

        var refused = rig.SwipeCard("front");
        rig.SetAccess("A-1", new GateController.Storage.AccessRules.PersonAccessUpdate { Groups = ["always"] });
        var granted = rig.SwipeCard("front");

        Assert.That((refused.Reason, granted.Result), Is.EqualTo((AccessRefusals.NoAccessGroup, AccessResult.Granted)));
    }

    [TestCase(new[] { "-10 front granted" }, AccessResult.Denied, TestName = "An entry stored 10 minutes before a restart still refuses a second entry")]
    [TestCase(new[] { "-10 front granted", "-5 front-out granted" }, AccessResult.Granted, TestName = "A stored entry followed by a stored exit lets the person in")]
    [TestCase(new[] { "-31 front granted" }, AccessResult.Granted, TestName = "A stored entry older than the reset time is forgotten")]
    [TestCase(new[] { "-10 front denied" }, AccessResult.Granted, TestName = "A stored refusal was no passage")]
    [TestCase(new[] { "-10 front-keypad granted" }, AccessResult.Denied, TestName = "A stored entry by the entry keypad counts as the entry reader's")]
    public void Stored_decisions_replayed_at_start_carry_anti_passback_across_a_restart(string[] stored, AccessResult expected)
    {
        using var rig = new RulesRig("UTC", AntiPassback(AntiPassbackMode.Hard));
        rig.AddResident();
        var now = rig.Time.GetUtcNow();
        rig.AntiPassback.Remember(stored.Select((line, i) =>
        {
            var (minutes, reader, result) = (line.Split(' ')[0], line.Split(' ')[1], line.Split(' ')[2]);
            return new AccessEvent(i + 1, now.AddMinutes(int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)), AccessMethod.Card, reader, "A-1",
                result == "granted" ? AccessResult.Granted : AccessResult.Denied, "card", TimeSpan.Zero);
        }));

        var entry = rig.SwipeCard("front");

        Assert.That(entry.Result, Is.EqualTo(expected), entry.Reason);
    }
}
