using GateController.Core.Access;
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
}
