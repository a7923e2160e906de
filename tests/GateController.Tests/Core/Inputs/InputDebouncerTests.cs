using GateController.Core.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Core.Inputs;

public sealed class InputDebouncerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);
    private readonly FakeTimeProvider _time = new();

    [Test]
    public void A_press_counts_once_it_has_been_stable_for_the_debounce_time()
    {
        var debouncer = new InputDebouncer(1, TimeSpan.FromMilliseconds(20), _time);
        var pressedAt = _time.GetTimestamp();

        var changes = new List<bool>();
        for (var reading = 0; reading < 4; reading++)
        {
            changes.Add(debouncer.Update(0, pressed: true, out _));
            _time.Advance(Step);
        }

        Assert.That(changes, Is.EqualTo(new[] { false, false, false, false }), "0, 5, 10 and 15 ms are inside the debounce time");
        Assert.That(debouncer.Update(0, pressed: true, out var changedAt), Is.True, "at 20 ms the press counts");
        Assert.That((debouncer.IsPressed(0), changedAt), Is.EqualTo((true, pressedAt)), "stamped at the first reading");
        Assert.That(debouncer.Update(0, pressed: true, out _), Is.False, "a held key counts once");
    }

    [Test]
    public void Bounce_restarts_the_debounce_time()
    {
        var debouncer = new InputDebouncer(1, TimeSpan.FromMilliseconds(20), _time);
        bool[] bouncing = [true, false, true, false, true];
        foreach (var reading in bouncing)
        {
            Assert.That(debouncer.Update(0, reading, out _), Is.False);
            _time.Advance(Step);
        }

        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(debouncer.Update(0, pressed: true, out _), Is.False, "at 35 ms, only 15 ms after the last bounce at 20 ms");
        _time.Advance(Step);
        Assert.That(debouncer.Update(0, pressed: true, out _), Is.True);
    }

    [Test]
    public void A_release_is_debounced_too_and_keys_are_independent()
    {
        var debouncer = new InputDebouncer(2, TimeSpan.FromMilliseconds(20), _time);
        debouncer.Update(0, pressed: true, out _);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.That(debouncer.Update(0, pressed: true, out _), Is.True);

        Assert.That(debouncer.Update(0, pressed: false, out _), Is.False);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(debouncer.Update(0, pressed: false, out _), Is.False);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.That(debouncer.Update(0, pressed: false, out _), Is.True);
        Assert.That((debouncer.IsPressed(0), debouncer.IsPressed(1)), Is.EqualTo((false, false)));
    }

    [Test]
    public void A_reading_taken_before_the_debounce_time_leaves_the_change_settling_so_it_is_read_again()
    {
        var debouncer = new InputDebouncer(1, TimeSpan.FromMilliseconds(20), _time);
        debouncer.Update(0, pressed: true, out _);
        _time.Advance(TimeSpan.FromMilliseconds(19));

        Assert.That(debouncer.Update(0, pressed: true, out _), Is.False, "a settle timer that fired a millisecond early");
        Assert.That(debouncer.IsSettling(0), Is.True, "so the door input looks once more instead of missing the change");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(debouncer.Update(0, pressed: true, out _), Is.True);
        Assert.That(debouncer.IsSettling(0), Is.False);
    }
}
