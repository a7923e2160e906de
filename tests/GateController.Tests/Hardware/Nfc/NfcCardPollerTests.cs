using GateController.Core.Access;
using GateController.Core.Health;
using GateController.Hardware.Nfc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Nfc;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class NfcCardPollerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedUidSource _module = new();
    private readonly List<AccessAttempt> _attempts = [];

    private NfcCardPoller Poller() => new(_module, new NfcReaderOptions { Id = "side-door" }, attempt =>
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }

        return Task.CompletedTask;
    }, _time, NullLogger<NfcCardPoller>.Instance);

    [Test]
    public void A_7_byte_UID_becomes_a_56_bit_raw_card_attempt()
    {
        var poller = Poller();
        _module.CardInField = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];

        poller.PollOnce();

        var attempt = _attempts.Single();
        var card = ((CardCredential)attempt.Credential).Card;
        Assert.That((attempt.ReaderId, card.Format, card.BitCount, card.RawBits), Is.EqualTo(("side-door", "Raw", 56, 0x04112233445566ul)));
        Assert.That(attempt.PresentedTimestamp, Is.EqualTo(_time.GetTimestamp()));
    }

    [Test]
    public void A_held_card_is_submitted_once_and_an_empty_field_submits_nothing()
    {
        var poller = Poller();
        poller.PollOnce();
        _module.CardInField = [0x04, 0xA1, 0xB2, 0xC3];
        for (var poll = 0; poll < 30; poll++)
        {
            poller.PollOnce();
            _time.Advance(NfcReaderOptions.DefaultPollInterval);
        }

        Assert.That(_attempts, Has.Count.EqualTo(1));
        Assert.That(poller.CardsRead, Is.EqualTo(1));
    }

    [Test]
    public void A_10_byte_UID_is_not_submitted()
    {
        var poller = Poller();
        _module.CardInField = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        poller.PollOnce();

        Assert.That(_attempts, Is.Empty);
    }

    [Test]
    public void A_bus_fault_marks_the_reader_failed_until_the_module_answers_again()
    {
        var poller = Poller();
        _module.BusFailing = true;

        Assert.That(poller.PollOnce(), Is.False);
        Assert.That(poller.GetStatus().State, Is.EqualTo(HealthState.Failed));
        _module.BusFailing = false;
        Assert.That(poller.PollOnce(), Is.True);
        Assert.That(poller.GetStatus().State, Is.EqualTo(HealthState.Healthy));
    }

    [Test]
    public async Task The_loop_polls_on_the_fake_clock_and_stops_when_cancelled()
    {
        var poller = Poller();
        using var stop = new CancellationTokenSource();
        var run = poller.RunAsync(stop.Token);
        Assert.That(SpinWait.SpinUntil(() => _module.Polls >= 1, TimeSpan.FromSeconds(10)), Is.True);

        _module.CardInField = [0x04, 0xA1, 0xB2, 0xC3];
        Assert.That(SpinWait.SpinUntil(() =>
        {
            _time.Advance(NfcReaderOptions.DefaultPollInterval);
            lock (_attempts)
            {
                return _attempts.Count > 0;
            }
        }, TimeSpan.FromSeconds(10)), Is.True);

        await stop.CancelAsync().ConfigureAwait(false);
        await run.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }
}
