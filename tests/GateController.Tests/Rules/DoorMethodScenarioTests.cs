using GateController.Core.Access;
using GateController.Core.Rules;

namespace GateController.Tests.Rules;

/// <summary>Per-door method windows: card+PIN only at night and face off at night at door 1; door 2 untouched.</summary>
public sealed class DoorMethodScenarioTests
{
    private const string Zone = "Asia/Shanghai";

    private static AccessRulesOptions NightCardAndPin() => new()
    {
        TimeZone = Zone,
        Doors = [new DoorMethodOptions { Door = 1, Windows = [new MethodWindowOptions { When = "22:00-06:00", Methods = [DoorMethods.CardAndPin] }] }],
    };

    [Test]
    public async Task At_night_door_1_takes_a_card_followed_by_its_holders_pin_and_refuses_face()
    {
        using var rig = new RulesRig(Zone, NightCardAndPin());
        rig.AddResident();
        rig.SetLocal(Zone, 2026, 3, 2, 23, 0);

        var face = await rig.ShowFace();
        var pinAlone = rig.TypePin();
        var card = rig.SwipeCard();
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        var pin = rig.TypePin();

        Assert.That((face.Result, face.Reason), Is.EqualTo((AccessResult.Denied, AccessRefusals.MethodNotAllowed)));
        Assert.That(pinAlone.Reason, Is.EqualTo(AccessRefusals.CardRequiredBeforePin));
        Assert.That(card.Reason, Is.EqualTo(AccessRefusals.PinRequired));
        Assert.That((pin.Result, pin.Reason), Is.EqualTo((AccessResult.Granted, "card and pin")));
        Assert.That(rig.Pulses, Is.EqualTo(1), "only the PIN after the card opened the door");
    }

    [Test]
    public void A_pin_after_the_timeout_or_someone_elses_pin_does_not_complete_the_card()
    {
        using var rig = new RulesRig(Zone, NightCardAndPin());
        rig.AddResident("A-1");
        rig.AddResident("B-2", "H10301:13:20001", "4682");
        rig.SetLocal(Zone, 2026, 3, 2, 23, 0);

        rig.SwipeCard();
        var otherPin = rig.TypePin(pin: "4682");
        rig.SwipeCard();
        rig.Time.Advance(AccessRulesOptions.DefaultPinAfterCardTimeout + TimeSpan.FromSeconds(1));
        var latePin = rig.TypePin();

        Assert.That((otherPin.Result, latePin.Result), Is.EqualTo((AccessResult.Denied, AccessResult.Denied)));
        Assert.That(rig.Pulses, Is.Zero);
    }

    [Test]
    public async Task By_day_and_at_the_other_door_every_single_credential_opens()
    {
        using var rig = new RulesRig(Zone, NightCardAndPin());
        rig.AddResident();
        rig.SetLocal(Zone, 2026, 3, 2, 23, 0);
        var otherDoorAtNight = rig.SwipeCard(door: 2);
        var faceOtherDoor = await rig.ShowFace(door: 2);
        rig.SetLocal(Zone, 2026, 3, 3, 6, 0);

        var cardByDay = rig.SwipeCard();
        var pinByDay = rig.TypePin();
        var faceByDay = await rig.ShowFace();

        Assert.That(new[] { otherDoorAtNight, faceOtherDoor, cardByDay, pinByDay, faceByDay }.Select(v => v.Result), Is.All.EqualTo(AccessResult.Granted));
    }

    [Test]
    public async Task Face_off_at_night_leaves_card_and_pin_alone_working()
    {
        var options = new AccessRulesOptions
        {
            Doors = [new DoorMethodOptions { Door = 1, Windows = [new MethodWindowOptions { When = "daily 20:00-07:00", Methods = [DoorMethods.Card, DoorMethods.Pin] }] }],
        };
        using var rig = new RulesRig(Zone, options);
        rig.AddResident();
        rig.SetLocal(Zone, 2026, 3, 2, 21, 0);

        Assert.That((await rig.ShowFace()).Reason, Is.EqualTo(AccessRefusals.MethodNotAllowed));
        Assert.That((rig.SwipeCard().Result, rig.TypePin().Result), Is.EqualTo((AccessResult.Granted, AccessResult.Granted)));
    }
}
