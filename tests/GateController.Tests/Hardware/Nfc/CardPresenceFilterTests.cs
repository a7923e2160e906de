using GateController.Hardware.Nfc;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Nfc;

public sealed class CardPresenceFilterTests
{
    private static readonly byte[] CardA = [0x04, 0xA1, 0xB2, 0xC3];
    private static readonly byte[] CardB = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new();

    [Test]
    public void A_card_held_on_the_reader_is_one_presentation()
    {
        var filter = new CardPresenceFilter(TimeSpan.FromSeconds(2), _time);
        var presentations = 0;
        for (var poll = 0; poll < 100; poll++) // 10 s held
        {
            presentations += filter.IsNewPresentation(CardA) ? 1 : 0;
            _time.Advance(Poll);
        }

        Assert.That(presentations, Is.EqualTo(1));
    }

    [Test]
    public void The_same_card_counts_again_after_the_repeat_window_out_of_the_field()
    {
        var filter = new CardPresenceFilter(TimeSpan.FromSeconds(2), _time);
        Assert.That(filter.IsNewPresentation(CardA), Is.True);

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.That(filter.IsNewPresentation(CardA), Is.False, "lifted and laid down within the window");
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(filter.IsNewPresentation(CardA), Is.True);
    }

    [Test]
    public void A_different_card_counts_at_once()
    {
        var filter = new CardPresenceFilter(TimeSpan.FromSeconds(2), _time);
        filter.IsNewPresentation(CardA);
        _time.Advance(Poll);

        Assert.That(filter.IsNewPresentation(CardB), Is.True);
        _time.Advance(Poll);
        Assert.That(filter.IsNewPresentation(CardA), Is.True, "back to A: a new presentation too");
    }
}
