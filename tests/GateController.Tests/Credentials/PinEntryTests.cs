using GateController.Core.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Credentials;

public sealed class PinEntryTests
{
    private readonly FakeTimeProvider _time = new();

    private PinEntry NewEntry() => new(new PinEntryOptions(), _time);

    private static PinKeyResult Type(PinEntry entry, string keys)
    {
        PinKeyResult last = default;
        foreach (var key in keys)
        {
            last = entry.Press(key);
        }

        return last;
    }

    [Test]
    public void Hash_submits_the_digits_typed()
    {
        var result = Type(NewEntry(), "4711#");

        Assert.That(result.Outcome, Is.EqualTo(PinKeyOutcome.Submitted));
        Assert.That(result.Pin!.Digits.ToString(), Is.EqualTo("4711"));
    }

    [Test]
    public void Star_clears_what_was_typed()
    {
        var entry = NewEntry();
        Assert.That(Type(entry, "99*").Outcome, Is.EqualTo(PinKeyOutcome.Cleared));

        Assert.That(Type(entry, "4711#").Pin!.Digits.ToString(), Is.EqualTo("4711"));
    }

    [Test]
    public void Fewer_than_four_digits_are_too_short_and_dropped()
    {
        var entry = NewEntry();

        Assert.That(Type(entry, "471#").Outcome, Is.EqualTo(PinKeyOutcome.TooShort));
        Assert.That(entry.DigitCount, Is.Zero);
    }

    [Test]
    public void A_ninth_digit_drops_the_entry_instead_of_truncating_it()
    {
        var entry = NewEntry();

        Assert.That(Type(entry, "123456789").Outcome, Is.EqualTo(PinKeyOutcome.TooLong));
        Assert.That(Type(entry, "#").Outcome, Is.EqualTo(PinKeyOutcome.TooShort));
    }

    [Test]
    public void Eight_digits_are_accepted()
    {
        Assert.That(Type(NewEntry(), "12345678#").Pin!.Digits.Length, Is.EqualTo(8));
    }

    [Test]
    public void Digits_older_than_five_seconds_are_dropped_before_the_next_key()
    {
        var entry = NewEntry();
        Type(entry, "12");
        _time.Advance(TimeSpan.FromSeconds(5.1));

        var first = entry.Press('3');
        var result = Type(entry, "456#");

        Assert.That(first.DiscardedStaleDigits, Is.True);
        Assert.That(result.Pin!.Digits.ToString(), Is.EqualTo("3456"));
    }

    [Test]
    public void Keys_five_seconds_apart_still_count()
    {
        var entry = NewEntry();
        foreach (var key in "4711")
        {
            entry.Press(key);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.That(entry.Press('#').Pin!.Digits.ToString(), Is.EqualTo("4711"));
    }

    [Test]
    public void An_idle_entry_expires_on_a_timer_check()
    {
        var entry = NewEntry();
        Type(entry, "47");
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.That(entry.ExpireIfIdle(), Is.True);
        Assert.That(entry.DigitCount, Is.Zero);
    }

    [Test]
    public void Other_keys_are_ignored()
    {
        Assert.That(NewEntry().Press('A').Outcome, Is.EqualTo(PinKeyOutcome.Ignored));
    }

    [Test]
    public void A_submitted_pin_prints_no_digits_and_can_be_cleared()
    {
        var pin = Type(NewEntry(), "4711#").Pin!;

        Assert.That(pin.ToString(), Does.Not.Contain("4711"));
        pin.Clear();
        Assert.That(pin.IsCleared, Is.True);
        Assert.That(pin.Digits.IsEmpty, Is.True);
    }
}
