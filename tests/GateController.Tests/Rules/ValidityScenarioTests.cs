using GateController.Core.Access;
using GateController.Core.Rules;
using GateController.Storage.AccessRules;

namespace GateController.Tests.Rules;

/// <summary>Move-in and move-out dates, the same for face, card and PIN, through the real store and engine.</summary>
public sealed class ValidityScenarioTests
{
    private const string Berlin = "Europe/Berlin";

    [Test]
    public async Task Validity_that_expires_while_the_person_is_at_the_gate_refuses_the_next_credential()
    {
        using var rig = new RulesRig(Berlin);
        rig.AddResident();
        rig.SetAccess("A-1", new PersonAccessUpdate { ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 12, 1) });
        rig.SetLocal(Berlin, 2026, 12, 1, 23, 59, 50);

        var card = rig.SwipeCard();
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        var pin = rig.TypePin();
        rig.Time.Advance(TimeSpan.FromSeconds(5)); // 00:00:00 on 2 December in Berlin
        var face = await rig.ShowFace();
        var cardAgain = rig.SwipeCard();
        var pinAgain = rig.TypePin();

        Assert.That((card.Result, pin.Result), Is.EqualTo((AccessResult.Granted, AccessResult.Granted)), "the last day counts to its end");
        Assert.That(new[] { face, cardAgain, pinAgain }.Select(v => (v.Result, v.Reason, v.PersonId)),
            Is.All.EqualTo((AccessResult.Denied, AccessRefusals.NotValid, "A-1")), "face, card and PIN meet the same rule");
        Assert.That(rig.Pulses, Is.EqualTo(2));
    }

    [Test]
    public void A_person_before_move_in_is_refused_and_let_in_from_that_day()
    {
        using var rig = new RulesRig(Berlin);
        rig.AddResident();
        rig.SetAccess("A-1", new PersonAccessUpdate { ChangesValidFrom = true, ValidFrom = new DateOnly(2026, 4, 1) });

        rig.SetLocal(Berlin, 2026, 3, 31, 23, 59, 59);
        var before = rig.SwipeCard();
        rig.SetLocal(Berlin, 2026, 4, 1, 0, 0);
        var moveIn = rig.SwipeCard();

        Assert.That((before.Result, before.Reason), Is.EqualTo((AccessResult.Denied, AccessRefusals.NotValid)));
        Assert.That(moveIn.Result, Is.EqualTo(AccessResult.Granted));
    }

    [Test]
    public void Validity_is_checked_before_the_groups_and_clearing_it_lets_the_person_in_again()
    {
        using var rig = new RulesRig(Berlin);
        rig.AddResident();
        rig.SaveGroup("always", ["00:00-24:00"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["always"], ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 3, 1) });
        rig.SetLocal(Berlin, 2026, 3, 5, 12, 0);

        var expired = rig.SwipeCard();
        rig.SetAccess("A-1", new PersonAccessUpdate { ChangesValidUntil = true, ValidUntil = null });
        var cleared = rig.SwipeCard();

        Assert.That(expired.Reason, Is.EqualTo(AccessRefusals.NotValid));
        Assert.That(cleared.Result, Is.EqualTo(AccessResult.Granted), "the store announced the change and the rule set followed");
        Assert.That(rig.Store.ReadPersonAccess("A-1").Groups, Is.EqualTo(new[] { "always" }), "changing the dates kept the groups");
    }
}
