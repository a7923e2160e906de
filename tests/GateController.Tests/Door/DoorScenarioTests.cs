using GateController.Core.Access;
using GateController.Core.Door;

namespace GateController.Tests.Door;

/// <summary>
/// The door as an installer sees it, played by <see cref="GateController.Hardware.DoorInputs.SimulatedDoor"/>
/// on the simulated chip: the contact follows the relay half a second after an unlock and closes two seconds
/// later, unless the test moves it by hand. Every step runs on a fake clock.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DoorScenarioTests : IDisposable
{
    private static readonly TimeSpan Pulse = DoorOptions.DefaultHoldOpenDuration;
    private readonly DoorRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Test]
    public void A_grant_unlocks_the_door_opens_and_closes_and_it_relocks_early()
    {
        Assert.That(_rig.Doors.Open(DoorRig.Attempt("front")), Is.EqualTo(DoorOpenOutcome.Opened));
        Assert.That(_rig.LineUnlocked(), Is.True);

        _rig.Advance(TimeSpan.FromMilliseconds(600));
        Assert.That(_rig.State().Contact, Is.True, "the simulated door opened after the unlock");
        Assert.That(_rig.LineUnlocked(), Is.True);

        _rig.Advance(TimeSpan.FromSeconds(2));
        Assert.That(_rig.State().Contact, Is.False, "the person is through and the door closed");
        Assert.That(_rig.LineUnlocked(), Is.False, "it re-locked as the door closed, before the 3 s pulse ended");
        Assert.That(_rig.State().Relay, Is.EqualTo(DoorRelayState.Locked));
        Assert.That(_rig.Alarms(), Is.Empty, "a granted passage is no alarm");
    }

    [Test]
    public void Without_anyone_opening_it_the_pulse_ends_after_its_time()
    {
        _rig.Physical().FollowRelay = false;

        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(Pulse - TimeSpan.FromMilliseconds(1));
        Assert.That(_rig.LineUnlocked(), Is.True);
        _rig.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(_rig.LineUnlocked(), Is.False);
        Assert.That(_rig.LineWrites(), Is.EqualTo(new[] { false, false, true, false }), "request locked, locked again, one unlock, one lock");
    }

    [Test]
    public void Two_grants_in_a_row_extend_the_pulse_and_never_toggle_it()
    {
        _rig.Physical().FollowRelay = false;

        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(TimeSpan.FromSeconds(2));
        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(TimeSpan.FromSeconds(2));
        Assert.That(_rig.LineUnlocked(), Is.True, "4 s after the first grant, 2 s after the second");
        _rig.Advance(TimeSpan.FromSeconds(1));

        Assert.That(_rig.LineUnlocked(), Is.False);
        Assert.That(_rig.LineWrites().Count(unlocked => unlocked), Is.EqualTo(1), "one unlock write for two grants");
        Assert.That(_rig.State().Pulses, Is.EqualTo(2));
    }

    [Test]
    public void A_door_left_open_raises_held_open_after_the_configured_time_and_clears_when_closed()
    {
        _rig.Physical().PassDuration = TimeSpan.FromMinutes(5);

        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(TimeSpan.FromSeconds(1));
        _rig.Advance(DoorOptions.DefaultHeldOpenAlarmAfter - TimeSpan.FromSeconds(1));
        Assert.That(_rig.Alarms(), Is.Empty, "still within the held-open time");
        _rig.Advance(TimeSpan.FromSeconds(1));

        Assert.That(_rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.HeldOpen }));
        Assert.That(_rig.LineUnlocked(), Is.False, "the pulse ended: a held door is not an unlocked door");
        _rig.Set(DoorInput.Contact, false);
        Assert.That((_rig.Recorded.Last().Result, _rig.Recorded.Last().Reason), Is.EqualTo((AccessResult.Cleared, DoorAlarm.HeldOpen)));
        Assert.That(_rig.State().ActiveAlarms, Is.Empty);
    }

    [Test]
    public void A_door_opened_while_locked_raises_forced_open()
    {
        _rig.Set(DoorInput.Contact, true);

        var alarm = _rig.Alarms().Single();
        Assert.That((alarm.Reason, alarm.Method, alarm.Door, alarm.Reader), Is.EqualTo((DoorAlarm.ForcedOpen, AccessMethod.Door, 1, "door1:contact")));
        Assert.That(_rig.State().ActiveAlarms, Does.Contain(DoorAlarm.ForcedOpen));
    }

    [Test]
    public void A_bounce_shorter_than_the_debounce_time_is_not_a_forced_door()
    {
        _rig.Physical().Set(DoorInput.Contact, true);
        _rig.Advance(TimeSpan.FromMilliseconds(10));
        _rig.Physical().Set(DoorInput.Contact, false);
        _rig.Advance(TimeSpan.FromMilliseconds(100));

        Assert.That(_rig.Alarms(), Is.Empty);
        Assert.That(_rig.State().Contact, Is.False);
    }

    [Test]
    public void The_fire_alarm_during_a_pulse_keeps_the_door_unlocked_until_it_is_released()
    {
        _rig.Physical().FollowRelay = false;
        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(TimeSpan.FromSeconds(1));

        _rig.Set(DoorInput.Fire, true);
        _rig.Advance(TimeSpan.FromMinutes(10));
        Assert.That(_rig.LineUnlocked(), Is.True, "long after the pulse, the fire alarm holds it open");
        _rig.Door().ManualLock("tech");
        Assert.That(_rig.LineUnlocked(), Is.True, "fire overrides a manual lock");
        _rig.Set(DoorInput.Contact, true);
        _rig.Advance(TimeSpan.FromMinutes(5));
        Assert.That(_rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.Fire }), "no forced or held-open alarm while fire holds the door");

        _rig.Set(DoorInput.Contact, false);
        _rig.Set(DoorInput.Fire, false);
        Assert.That(_rig.LineUnlocked(), Is.False, "release re-locks");
        Assert.That(_rig.Recorded.Any(e => e.Result == AccessResult.Cleared && e.Reason == DoorAlarm.Fire), Is.True);
    }

    [Test]
    public void A_stuck_exit_button_unlocks_once_then_raises_stuck_input_and_the_door_relocks()
    {
        _rig.Physical().FollowRelay = false;

        _rig.Set(DoorInput.Exit, true);
        Assert.That(_rig.LineUnlocked(), Is.True, "the exit request unlocks");
        Assert.That(_rig.Recorded.Single(e => e.Method == AccessMethod.Exit).Result, Is.EqualTo(AccessResult.Unlocked));
        _rig.Advance(Pulse);
        Assert.That(_rig.LineUnlocked(), Is.False, "held down, the button does not hold the door open");
        _rig.Advance(DoorOptions.DefaultExitStuckAfter);

        Assert.That(_rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.StuckInput }));
        Assert.That(_rig.LineUnlocked(), Is.False);
        _rig.Set(DoorInput.Exit, false);
        Assert.That(_rig.State().ActiveAlarms, Is.Empty);
    }

    [Test]
    public void Tamper_raises_an_alarm_event()
    {
        _rig.Set(DoorInput.Tamper, true);

        Assert.That(_rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.Tamper }));
        Assert.That(_rig.LineUnlocked(), Is.False);
    }

    [Test]
    public void A_hold_open_keeps_the_door_unlocked_until_its_time_without_a_held_open_alarm()
    {
        var until = _rig.Time.GetUtcNow().AddHours(2);
        Assert.That(_rig.Door().HoldOpen(until, "li"), Is.True);
        _rig.Physical().Set(DoorInput.Contact, true);
        _rig.Advance(TimeSpan.FromHours(1));
        Assert.That((_rig.State().Relay, _rig.LineUnlocked(), _rig.Alarms().Count), Is.EqualTo((DoorRelayState.HeldOpen, true, 0)));

        _rig.Set(DoorInput.Contact, false);
        _rig.Advance(TimeSpan.FromHours(1));

        Assert.That(_rig.LineUnlocked(), Is.False);
        Assert.That(_rig.Recorded.Select(e => e.Reason), Has.Some.StartsWith("holdOpen until").And.Some.EqualTo("holdEnded"));
        Assert.That(_rig.Recorded.First(e => e.Method == AccessMethod.Manual).Reader, Is.EqualTo("operator:li"));
    }

    [Test]
    public void The_chip_lost_mid_pulse_raises_a_fault_retries_and_locks_once_it_is_back()
    {
        _rig.Physical().FollowRelay = false;
        _rig.Doors.Open(DoorRig.Attempt("front"));
        _rig.Advance(TimeSpan.FromSeconds(1));

        _rig.Driver.ChipLost = true;
        _rig.Advance(Pulse);
        Assert.That(_rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.RelayFault }));
        Assert.That(_rig.State().RelayFault, Does.Contain("gone"));
        _rig.Advance(TimeSpan.FromSeconds(5));
        Assert.That(_rig.Alarms(), Has.Count.EqualTo(1), "one alarm, not one per retry");

        _rig.Driver.ChipLost = false;
        _rig.Advance(DoorOptions.RelayRetryInterval);

        Assert.That(_rig.LineUnlocked(), Is.False, "the retry drove the lock shut");
        Assert.That(_rig.State().RelayFault, Is.Null);
        Assert.That(_rig.Recorded.Last().Result, Is.EqualTo(AccessResult.Cleared));
    }

    [Test]
    public void A_fail_safe_lock_is_energised_to_lock()
    {
        using var rig = new DoorRig(lockType: GateController.Hardware.Relay.RelayLockType.FailSafe);
        Assert.That(rig.Driver.ValueOf(17), Is.EqualTo(System.Device.Gpio.PinValue.High), "energised: the maglock holds");

        rig.Doors.Open(DoorRig.Attempt("front"));

        Assert.That(rig.Driver.ValueOf(17), Is.EqualTo(System.Device.Gpio.PinValue.Low), "released: the maglock lets go");
        Assert.That(rig.LineUnlocked(), Is.True);
    }
}
