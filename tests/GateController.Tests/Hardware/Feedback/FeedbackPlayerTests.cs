using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Hardware.Feedback;
using GateController.Hardware.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Feedback;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FeedbackPlayerTests : IDisposable
{
    private const int Green = 22;
    private const int Red = 27;
    private const int Beeper = 4;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly long _start;

    public FeedbackPlayerTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
        _start = _time.GetTimestamp();
    }

    public void Dispose() => _gpio.Dispose();

    private FeedbackPlayer Player(FeedbackActiveLevel beeperLevel = FeedbackActiveLevel.High, int redPin = Red) => new(
        _gpio,
        new FeedbackOptions
        {
            GreenLed = new() { Pin = Green },
            RedLed = new() { Pin = redPin },
            Beeper = new() { Pin = Beeper, ActiveLevel = beeperLevel },
        },
        _time,
        NullLogger<FeedbackPlayer>.Instance);

    /// <summary>
    /// Lets time pass in 10 ms steps: FakeTimeProvider moves the clock to the end of an advance before it
    /// fires the timers, so one long advance would stamp every step at its end.
    /// </summary>
    private void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(10))
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Milliseconds after the start at which <paramref name="pin"/> was written <paramref name="value"/>.</summary>
    private double[] WritesOf(int pin, PinValue value) =>
        [.. _driver.Writes.Where(w => w.Pin == pin && w.Value == value).Select(w => _time.GetElapsedTime(_start, w.Timestamp).TotalMilliseconds)];

    private double[] Switches(int pin, PinValue on)
    {
        // Consecutive equal writes (the all-off reset) are not switches.
        var writes = _driver.Writes.Where(w => w.Pin == pin).ToList();
        return [.. writes.Where((w, i) => w.Value == on && (i == 0 || writes[i - 1].Value != on)).Select(w => _time.GetElapsedTime(_start, w.Timestamp).TotalMilliseconds)];
    }

    [Test]
    public void Granted_lights_green_and_beeps_once_without_blocking()
    {
        using var player = Player();

        player.Play(AccessResult.Granted);
        Assert.That((_driver.ValueOf(Green), _driver.ValueOf(Beeper)), Is.EqualTo((PinValue.High, PinValue.High)), "both on when Play returns");
        Run(TimeSpan.FromSeconds(3));

        Assert.That(Switches(Beeper, PinValue.High), Is.EqualTo(new[] { 0.0 }));
        Assert.That(WritesOf(Beeper, PinValue.Low).Last(), Is.EqualTo(100));
        Assert.That(WritesOf(Green, PinValue.Low).Last(), Is.EqualTo(2000));
        Assert.That(WritesOf(Red, PinValue.High), Is.Empty);
    }

    [Test]
    public void Denied_beeps_twice_with_the_red_LED()
    {
        using var player = Player();

        player.Play(AccessResult.Denied);
        Run(TimeSpan.FromSeconds(2));

        Assert.That(Switches(Beeper, PinValue.High), Is.EqualTo(new[] { 0.0, 200.0 }));
        Assert.That(Switches(Red, PinValue.Low).Last(), Is.EqualTo(1000));
        Assert.That(_driver.ValueOf(Red), Is.EqualTo(PinValue.Low));
    }

    [Test]
    public void Locked_out_is_one_long_beep_and_a_blinking_red_LED()
    {
        using var player = Player();

        player.Play(AccessResult.LockedOut);
        Run(TimeSpan.FromSeconds(3));

        Assert.That(Switches(Beeper, PinValue.High), Is.EqualTo(new[] { 0.0 }));
        Assert.That(WritesOf(Beeper, PinValue.Low).Last(), Is.EqualTo(1000));
        Assert.That(Switches(Red, PinValue.High), Is.EqualTo(new[] { 0.0, 500.0, 1000.0, 1500.0 }));
    }

    [Test]
    public void A_new_pattern_cancels_the_one_playing()
    {
        using var player = Player();
        player.Play(AccessResult.Granted);
        Run(TimeSpan.FromMilliseconds(50));

        player.Play(AccessResult.Denied);
        Assert.That((_driver.ValueOf(Green), _driver.ValueOf(Red)), Is.EqualTo((PinValue.Low, PinValue.High)), "green off at once");
        Run(TimeSpan.FromSeconds(3));

        Assert.That(WritesOf(Green, PinValue.High), Is.EqualTo(new[] { 0.0 }), "the cancelled pattern never writes again");
        Assert.That(Switches(Beeper, PinValue.High), Is.EqualTo(new[] { 0.0, 50.0, 250.0 }));
        Assert.That(_driver.ValueOf(Beeper), Is.EqualTo(PinValue.Low));
    }

    [Test]
    public void An_active_low_line_idles_high_and_is_pulled_low_to_sound()
    {
        using var player = Player(FeedbackActiveLevel.Low);
        Assert.That(_driver.ValueOf(Beeper), Is.EqualTo(PinValue.High));

        player.Play(AccessResult.Granted);
        Assert.That(_driver.ValueOf(Beeper), Is.EqualTo(PinValue.Low));
        Run(FeedbackPattern.ShortBeep);
        Assert.That(_driver.ValueOf(Beeper), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void An_unwired_line_is_never_touched()
    {
        using var player = Player(redPin: FeedbackOutputOptions.NoPin);

        player.Play(AccessResult.LockedOut);
        Run(TimeSpan.FromSeconds(3));

        Assert.That(_driver.Writes.Select(w => w.Pin).Distinct(), Is.EquivalentTo(new[] { Green, Beeper }));
    }
}
