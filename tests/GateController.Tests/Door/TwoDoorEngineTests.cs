using GateController.Tests.Credentials;
using GateController.Core.Access;
using GateController.Core.Credentials;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Door;

/// <summary>A pedestrian gate and a vehicle barrier on one device: each reader opens its own door through the real engine.</summary>
public sealed class TwoDoorEngineTests
{
    [Test]
    public void Each_reader_opens_its_own_door_and_the_event_names_it()
    {
        using var rig = new DoorRig(doors: 2, readerDoors: new Dictionary<string, int> { ["garage"] = 2 });
        rig.Physical(1).FollowRelay = false;
        rig.Physical(2).FollowRelay = false;
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("A-1", ((CardCredential)DoorRig.Attempt("x").Credential).Card);
        using var engine = new AccessDecisionEngine([new CardVerifier(directory)], rig.Doors, rig.Events, rig.Time, NullLogger<AccessDecisionEngine>.Instance);

        var garage = engine.DecideNow(DoorRig.Attempt("garage"));
        Assert.That((rig.LineUnlocked(1), rig.LineUnlocked(2)), Is.EqualTo((false, true)), "the barrier lifts, the gate stays locked");
        rig.Advance(TimeSpan.FromSeconds(5));
        var front = engine.DecideNow(DoorRig.Attempt("front"));

        Assert.That((rig.LineUnlocked(1), rig.LineUnlocked(2)), Is.EqualTo((true, false)));
        Assert.That((garage.Event.Door, garage.Attempt.Door, front.Event.Door), Is.EqualTo((2, 2, 1)));
        Assert.That(garage.Event.Sequence, Is.LessThan(front.Event.Sequence));
    }

    [Test]
    public void A_grant_for_a_door_that_is_not_configured_is_rejected_and_opens_nothing()
    {
        using var rig = new DoorRig();
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("A-1", ((CardCredential)DoorRig.Attempt("x").Credential).Card);
        using var engine = new AccessDecisionEngine([new CardVerifier(directory)], rig.Doors, rig.Events, rig.Time, NullLogger<AccessDecisionEngine>.Instance);

        var decision = engine.DecideNow(DoorRig.Attempt("front", door: 3));

        Assert.That((decision.Verdict.Result, decision.Verdict.Reason), Is.EqualTo((AccessResult.Rejected, "door 3 is not configured")));
        Assert.That(rig.LineWrites().Contains(true), Is.False);
    }

    [Test]
    public void The_fire_input_of_door_1_unlocks_both_doors()
    {
        using var rig = new DoorRig(doors: 2);

        rig.Set(GateController.Core.Door.DoorInput.Fire, true);
        Assert.That((rig.LineUnlocked(1), rig.LineUnlocked(2)), Is.EqualTo((true, true)));
        rig.Set(GateController.Core.Door.DoorInput.Fire, false);

        Assert.That((rig.LineUnlocked(1), rig.LineUnlocked(2)), Is.EqualTo((false, false)));
        Assert.That(rig.Alarms().Select(a => a.Door), Is.EquivalentTo(new[] { 1, 2 }));
    }
}
