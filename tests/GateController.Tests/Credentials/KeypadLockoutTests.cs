using GateController.Core.Credentials;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Credentials;

public sealed class KeypadLockoutTests
{
    private readonly FakeTimeProvider _time = new();

    private KeypadLockout NewLockout() => new(Options.Create(new KeypadLockoutOptions()), _time);

    [Test]
    public void Five_wrong_pins_in_five_minutes_lock_that_keypad_for_five_minutes()
    {
        var lockout = NewLockout();
        for (var i = 0; i < 4; i++)
        {
            Assert.That(lockout.RecordFailure("front"), Is.False);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.That(lockout.RecordFailure("front"), Is.True);
        Assert.That(lockout.IsLockedOut("front", out var remaining), Is.True);
        Assert.That(remaining, Is.EqualTo(TimeSpan.FromMinutes(5)));
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.That(lockout.IsLockedOut("front", out _), Is.True);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.That(lockout.IsLockedOut("front", out _), Is.False);
    }

    [Test]
    public void Another_keypad_is_not_locked()
    {
        var lockout = NewLockout();
        for (var i = 0; i < 5; i++)
        {
            lockout.RecordFailure("front");
        }

        Assert.That(lockout.IsLockedOut("back", out _), Is.False);
    }

    [Test]
    public void Failures_spread_over_more_than_the_window_do_not_lock()
    {
        var lockout = NewLockout();
        lockout.RecordFailure("front");
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 4; i++)
        {
            Assert.That(lockout.RecordFailure("front"), Is.False);
        }

        Assert.That(lockout.IsLockedOut("front", out _), Is.False);
    }

    [Test]
    public void A_right_pin_forgives_earlier_misses()
    {
        var lockout = NewLockout();
        for (var i = 0; i < 4; i++)
        {
            lockout.RecordFailure("front");
        }

        lockout.RecordSuccess("front");

        Assert.That(lockout.RecordFailure("front"), Is.False);
    }

    [Test]
    public void The_limits_are_configurable()
    {
        var lockout = new KeypadLockout(Options.Create(new KeypadLockoutOptions
        {
            MaximumFailures = 2,
            LockoutDuration = TimeSpan.FromSeconds(30),
        }), _time);
        lockout.RecordFailure("front");

        Assert.That(lockout.RecordFailure("front"), Is.True);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(lockout.IsLockedOut("front", out _), Is.False);
    }
}
