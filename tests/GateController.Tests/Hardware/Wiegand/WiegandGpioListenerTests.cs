using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Hardware.Gpio;
using GateController.Hardware.Wiegand;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Wiegand;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class WiegandGpioListenerTests : IDisposable
{
    private const int Data0 = 23;
    private const int Data1 = 24;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly List<AccessAttempt> _attempts = [];

    public WiegandGpioListenerTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    public void Dispose() => _gpio.Dispose();

    private WiegandGpioListener Listen(Action<WiegandReaderOptions>? configure = null)
    {
        var options = new WiegandReaderOptions { Id = "front-gate", Data0Pin = Data0, Data1Pin = Data1 };
        configure?.Invoke(options);
        return new WiegandGpioListener(_gpio, options, attempt =>
        {
            _attempts.Add(attempt);
            return Task.CompletedTask;
        }, _time, NullLogger<WiegandGpioListener>.Instance);
    }

    /// <summary>Plays a pulse train on the simulated lines with its real timing, advancing the fake clock between edges.</summary>
    private long Play(IReadOnlyList<WiegandPulseTiming> pulses)
    {
        var start = _time.GetTimestamp();
        long lastFalling = 0;
        foreach (var pulse in pulses)
        {
            var pin = pulse.Line == WiegandLine.Data0 ? Data0 : Data1;
            _time.Advance(pulse.FallingAt - _time.GetElapsedTime(start));
            lastFalling = _time.GetTimestamp();
            _driver.SimulateEdge(pin, PinEventTypes.Falling);
            _time.Advance(pulse.RisingAt - _time.GetElapsedTime(start));
            _driver.SimulateEdge(pin, PinEventTypes.Rising);
        }

        return lastFalling;
    }

    [Test]
    public void A_card_pulse_train_becomes_one_card_attempt_after_the_frame_gap()
    {
        using var listener = Listen();
        var lastEdge = Play(WiegandEncoder.ToPulseTrain(WiegandEncoder.Encode("H10301:13:13067")));

        _time.Advance(TimeSpan.FromMilliseconds(24));
        Assert.That(_attempts, Is.Empty, "the frame is not over before the 25 ms gap");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var attempt = _attempts.Single();
        Assert.That(attempt.ReaderId, Is.EqualTo("front-gate"));
        Assert.That(attempt.PresentedTimestamp, Is.EqualTo(lastEdge));
        var card = ((CardCredential)attempt.Credential).Card;
        Assert.That((card.Format, card.Facility, card.Number), Is.EqualTo(("H10301", (uint?)13, 13067ul)));
        Assert.That(listener.CardsRead, Is.EqualTo(1));
    }

    [Test]
    public void Every_enabled_format_survives_the_trip_through_the_pins()
    {
        using var listener = Listen(o => o.Formats.Add("Raw40"));
        string[] cards = ["H10301:255:65535", "H10306:65535:1", "C1000:4095:1048575", "H10304:65535:524287", "Raw40:1099511627775"];
        foreach (var card in cards)
        {
            Play(WiegandEncoder.ToPulseTrain(WiegandEncoder.Encode(card)));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.That(_attempts.Select(a => ((CardCredential)a.Credential).Card.Format), Is.EqualTo(new[] { "H10301", "H10306", "C1000", "H10304", "Raw" }));
    }

    [Test]
    public void A_frame_with_bad_parity_is_counted_and_never_submitted()
    {
        using var listener = Listen();
        var frame = WiegandEncoder.Encode("H10301:13:13067");
        Play(WiegandEncoder.ToPulseTrain(frame with { Bits = frame.Bits ^ 1 }));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.That(_attempts, Is.Empty);
        Assert.That(listener.FramesRejected, Is.EqualTo(1));
    }

    [Test]
    public void A_pulse_while_the_other_line_is_low_spoils_the_frame()
    {
        using var listener = Listen();
        var pulses = WiegandEncoder.ToPulseTrain(WiegandEncoder.Encode("H10301:13:13067"));
        Play(pulses.Take(5).ToList());
        _driver.SimulateEdge(Data1, PinEventTypes.Falling);
        _driver.SimulateEdge(Data0, PinEventTypes.Falling);
        _driver.SimulateEdge(Data0, PinEventTypes.Rising);
        _driver.SimulateEdge(Data1, PinEventTypes.Rising);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.That(_attempts, Is.Empty);
        Assert.That(listener.FramesRejected, Is.EqualTo(1));
    }

    [Test]
    public void Keys_from_an_eight_bit_keypad_become_a_pin_attempt_on_hash()
    {
        using var listener = Listen(o =>
        {
            o.KeypadMode = WiegandKeypadMode.EightBitPerKey;
            o.KeypadId = "front-keypad";
        });
        foreach (var key in "5739#")
        {
            Play(WiegandEncoder.ToPulseTrain(WiegandKeypadDecoder.Encode(key, WiegandKeypadMode.EightBitPerKey)));
            _time.Advance(TimeSpan.FromMilliseconds(300));
        }

        var attempt = _attempts.Single();
        Assert.That(attempt.ReaderId, Is.EqualTo("front-keypad"));
        Assert.That(((PinCredential)attempt.Credential).Digits.ToString(), Is.EqualTo("5739"));
    }

    [Test]
    public void A_keypad_only_reader_submits_on_the_last_bit_of_hash_without_waiting_for_the_gap()
    {
        using var listener = Listen(o =>
        {
            o.Formats.Clear();
            o.KeypadMode = WiegandKeypadMode.FourBitPerKey;
        });
        foreach (var key in "2468")
        {
            Play(WiegandEncoder.ToPulseTrain(WiegandKeypadDecoder.Encode(key, WiegandKeypadMode.FourBitPerKey)));
            _time.Advance(TimeSpan.FromMilliseconds(300));
        }

        var lastEdge = Play(WiegandEncoder.ToPulseTrain(WiegandKeypadDecoder.Encode('#', WiegandKeypadMode.FourBitPerKey)));

        var attempt = _attempts.Single();
        Assert.That(attempt.PresentedTimestamp, Is.EqualTo(lastEdge));
        Assert.That(_time.GetElapsedTime(lastEdge), Is.LessThan(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void Disposing_the_listener_stops_it_hearing_the_lines()
    {
        var listener = Listen();
        listener.Dispose();
        Play(WiegandEncoder.ToPulseTrain(WiegandEncoder.Encode("H10301:13:13067")));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.That(_attempts, Is.Empty);
    }
}
