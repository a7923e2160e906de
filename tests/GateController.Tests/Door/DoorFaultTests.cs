using GateController.Core.Door;
using GateController.Hardware.Gpio;

namespace GateController.Tests.Door;

/// <summary>
/// An exception never leaves the door unlocked: for every path that drives the relay, the next write to
/// the line throws, and the door must end locked (at once, or at the next retry) without the exception
/// reaching the caller.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DoorFaultTests
{
    private const int RelayPin = 17;

    public static IEnumerable<TestCaseData> UnlockPaths()
    {
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Doors.Open(DoorRig.Attempt("front")))).SetName("grant");
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Door().ManualOpen("tech"))).SetName("manual open");
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Door().HoldOpen(rig.Time.GetUtcNow().AddHours(1), "tech"))).SetName("hold open");
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Set(DoorInput.Exit, true))).SetName("exit button");
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Set(DoorInput.Fire, true))).SetName("fire alarm");
    }

    [TestCaseSource(nameof(UnlockPaths))]
    public void A_failing_unlock_write_leaves_the_door_locked_and_raises_a_relay_fault(Action<DoorRig> unlock)
    {
        using var rig = new DoorRig();
        rig.Physical().FollowRelay = false;
        rig.Driver.FailNextWrites(RelayPin);

        Assert.DoesNotThrow(() => unlock(rig));

        Assert.That(rig.LineUnlocked(), Is.False, "the failed unlock was followed by a lock write");
        Assert.That(rig.AlarmReasons(), Does.Contain(DoorAlarm.RelayFault));
        Assert.That(rig.State().RelayFault, Is.Not.Null);
    }

    public static IEnumerable<TestCaseData> LockPaths()
    {
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Advance(DoorOptions.DefaultHoldOpenDuration))).SetName("pulse ends");
        yield return new TestCaseData((Action<DoorRig>)(rig => rig.Door().ManualLock("tech"))).SetName("manual lock");
        yield return new TestCaseData((Action<DoorRig>)(rig =>
        {
            rig.Set(DoorInput.Contact, true);
            rig.Set(DoorInput.Contact, false);
        })).SetName("early re-lock");
    }

    [TestCaseSource(nameof(LockPaths))]
    public void A_failing_lock_write_is_retried_until_the_door_is_locked(Action<DoorRig> relock)
    {
        using var rig = new DoorRig();
        rig.Physical().FollowRelay = false;
        rig.Doors.Open(DoorRig.Attempt("front"));
        rig.Driver.FailNextWrites(RelayPin, 2);

        Assert.DoesNotThrow(() => relock(rig));
        Assert.That(rig.State().RelayFault, Is.Not.Null);
        rig.Advance(DoorOptions.RelayRetryInterval * 3);

        Assert.That(rig.LineUnlocked(), Is.False);
        Assert.That(rig.State().RelayFault, Is.Null, "the fault clears once a write succeeds");
    }

    [Test]
    public void A_failing_write_when_the_fire_alarm_ends_is_retried_until_locked()
    {
        using var rig = new DoorRig();
        rig.Set(DoorInput.Fire, true);
        rig.Driver.FailNextWrites(RelayPin);

        Assert.DoesNotThrow(() => rig.Set(DoorInput.Fire, false));
        rig.Advance(DoorOptions.RelayRetryInterval);

        Assert.That(rig.LineUnlocked(), Is.False);
    }

    [Test]
    public void A_failing_first_write_at_start_up_leaves_the_line_at_its_requested_locked_level()
    {
        using var rig = new DoorRig(beforeDoors: driver => driver.FailNextWrites(RelayPin));

        Assert.That(rig.LineUnlocked(), Is.False);
        Assert.That(rig.AlarmReasons(), Is.EqualTo(new[] { DoorAlarm.RelayFault }));
        rig.Advance(DoorOptions.RelayRetryInterval);
        Assert.That(rig.State().RelayFault, Is.Null);
    }

    [Test]
    public void A_gpio_chip_missing_at_start_up_reports_the_door_failed_keeps_it_locked_and_brings_it_up_when_the_chip_appears()
    {
        using var rig = new DoorRig(beforeDoors: driver => driver.ChipLost = true);

        Assert.That(rig.State().RelayFault, Does.Contain("gone"), "built, not thrown: the daemon starts and says which door failed");
        Assert.That(rig.AlarmReasons().Count(r => r == DoorAlarm.RelayFault), Is.EqualTo(1));
        Assert.That(rig.Alarms().Where(a => a.Reason == DoorAlarm.InputFault).Select(a => a.Reader),
            Is.EquivalentTo(new[] { "door1:contact", "door1:exit", "door1:fire", "door1:tamper" }));
        Assert.That(rig.Doors.Open(DoorRig.Attempt("front")), Is.EqualTo(DoorOpenOutcome.RelayFailed));
        rig.Advance(DoorOptions.DefaultHoldOpenDuration + TimeSpan.FromSeconds(1));
        Assert.That(rig.LineWrites(), Is.Empty, "nothing was ever driven");

        rig.Driver.ChipLost = false;
        rig.Advance(DoorOptions.RelayRetryInterval);

        Assert.That(rig.State().RelayFault, Is.Null);
        Assert.That(rig.State().ActiveAlarms, Is.Empty, "the relay fault and every input fault cleared");
        Assert.That(rig.LineWrites()[0], Is.False, "requested at its locked level first");
        Assert.That(rig.Doors.Open(DoorRig.Attempt("front")), Is.EqualTo(DoorOpenOutcome.Opened));
        Assert.That(rig.LineUnlocked(), Is.True);
    }

    [Test]
    public void An_input_line_that_stops_reading_raises_input_fault_and_leaves_the_relay_alone()
    {
        using var rig = new DoorRig();
        rig.Physical().FollowRelay = false;
        rig.Driver.FailReads(25);

        rig.Set(DoorInput.Contact, true);
        rig.Advance(TimeSpan.FromSeconds(1));

        Assert.That(rig.Alarms().Select(a => (a.Reader, a.Reason)), Is.EqualTo(new[] { ("door1:contact", DoorAlarm.InputFault) }));
        Assert.That(rig.State().ActiveAlarms, Does.Contain(DoorAlarm.InputFault));
        Assert.That(rig.Doors.Open(DoorRig.Attempt("front")), Is.EqualTo(DoorOpenOutcome.Opened));
        rig.Advance(TimeSpan.FromSeconds(10));
        Assert.That(rig.LineUnlocked(), Is.False, "the pulse ended as usual");

        rig.Driver.FailReads(25, fail: false);
        rig.Advance(GateController.Hardware.DoorInputs.GpioDoorInput.RetryInterval);
        Assert.That(rig.State().ActiveAlarms, Is.Empty);
        Assert.That(rig.Recorded.Last().Result, Is.EqualTo(GateController.Core.Access.AccessResult.Cleared));
    }

    [Test]
    public void The_relay_line_is_requested_locked_and_never_reads_unlocked_before_a_grant()
    {
        var unlockedBeforeGrant = false;
        var granted = false;
        SimulatedGpioDriver? seen = null;
        using var rig = new DoorRig(beforeDoors: driver =>
        {
            seen = driver;
            driver.PinWritten += (_, write) => unlockedBeforeGrant |= write.Pin == RelayPin && write.Value == System.Device.Gpio.PinValue.High && !granted;
        });
        rig.Advance(TimeSpan.FromMinutes(1));
        granted = true;
        rig.Doors.Open(DoorRig.Attempt("front"));

        Assert.That(seen, Is.SameAs(rig.Driver));
        Assert.That(unlockedBeforeGrant, Is.False);
        Assert.That(rig.LineWrites()[0], Is.False, "the first level the line ever had is the locked one (the request's initial value)");
        Assert.That(rig.LineWrites().IndexOf(true), Is.EqualTo(2));
    }
}
