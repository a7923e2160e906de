using System.Device.Gpio;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Hardware.Relay;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GpioDoorRelayTests : IDisposable
{
    private const int Pin = 17;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;

    public GpioDoorRelayTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    public void Dispose() => _gpio.Dispose();

    private GpioDoorRelay NewRelay(RelayActiveLevel level = RelayActiveLevel.High) =>
        new(_gpio, Options.Create(new RelayOptions { Pin = Pin, ActiveLevel = level }), _time, NullLogger<GpioDoorRelay>.Instance);

    private TimeSpan Since(long start, PinWrite write) => _time.GetElapsedTime(start, write.Timestamp);

    [TestCase(RelayActiveLevel.High, 0)]
    [TestCase(RelayActiveLevel.Low, 1)]
    public void The_relay_pin_is_driven_inactive_at_start(RelayActiveLevel level, int inactive)
    {
        using var relay = NewRelay(level);

        Assert.That(_driver.Writes, Is.Not.Empty);
        Assert.That(_driver.Writes.All(w => w.Pin == Pin && w.Value == (PinValue)inactive), Is.True);
        Assert.That(relay.IsUnlocked, Is.False);
    }

    [Test]
    public void A_pulse_energises_the_relay_and_releases_it_after_the_hold_time()
    {
        using var relay = NewRelay();
        var start = _time.GetTimestamp();
        var before = _driver.Writes.Count;

        relay.Pulse(TimeSpan.FromSeconds(3));
        Assert.That(relay.IsUnlocked, Is.True);
        _time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.That(relay.IsUnlocked, Is.True);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var writes = _driver.Writes.Skip(before).ToList();
        Assert.That(relay.IsUnlocked, Is.False);
        Assert.That(writes.Select(w => w.Value), Is.EqualTo(new[] { PinValue.High, PinValue.Low }));
        Assert.That(Since(start, writes[0]), Is.EqualTo(TimeSpan.Zero));
        Assert.That(Since(start, writes[1]), Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(relay.PulseCount, Is.EqualTo(1));
    }

    [Test]
    public void An_active_low_relay_pulses_low()
    {
        using var relay = NewRelay(RelayActiveLevel.Low);
        relay.Pulse(TimeSpan.FromSeconds(1));

        Assert.That(_driver.ValueOf(Pin), Is.EqualTo(PinValue.Low));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_driver.ValueOf(Pin), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void A_pulse_during_a_pulse_extends_the_hold_without_touching_the_pin()
    {
        using var relay = NewRelay();
        var start = _time.GetTimestamp();
        var before = _driver.Writes.Count;

        relay.Pulse(TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(2));
        relay.Pulse(TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(relay.IsUnlocked, Is.True, "the second pulse holds the door to t = 5 s");
        _time.Advance(TimeSpan.FromSeconds(1));

        var writes = _driver.Writes.Skip(before).ToList();
        Assert.That(writes.Select(w => w.Value), Is.EqualTo(new[] { PinValue.High, PinValue.Low }));
        Assert.That(Since(start, writes[1]), Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(relay.PulseCount, Is.EqualTo(2));
    }

    [Test]
    public void A_shorter_pulse_during_a_pulse_never_shortens_it()
    {
        using var relay = NewRelay();
        relay.Pulse(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(1));
        relay.Pulse(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.That(relay.IsUnlocked, Is.True);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(relay.IsUnlocked, Is.False);
    }

    [Test]
    public void Pulses_from_many_threads_leave_one_open_and_one_release()
    {
        using var relay = NewRelay();
        var before = _driver.Writes.Count;
        Parallel.For(0, 200, _ => relay.Pulse(TimeSpan.FromSeconds(3)));
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.That(_driver.Writes.Skip(before).Select(w => w.Value), Is.EqualTo(new[] { PinValue.High, PinValue.Low }));
        Assert.That(relay.PulseCount, Is.EqualTo(200));
    }

    [Test]
    public void Disposing_the_relay_locks_the_door()
    {
        var relay = NewRelay();
        relay.Pulse(TimeSpan.FromSeconds(3));
        relay.Dispose();

        Assert.That(_driver.ValueOf(Pin), Is.EqualTo(PinValue.Low));
    }

    [Test]
    public void The_validator_names_the_key_and_the_allowed_values()
    {
        var result = new RelayOptionsValidator().Validate(null, new RelayOptions { Pin = -1, ActiveLevel = (RelayActiveLevel)7 });

        Assert.That(result.Failed, Is.True);
        // The generator words range failures itself: it names the key and the allowed range.
        Assert.That(result.FailureMessage, Does.Contain("Pin").And.Contain("between 0 and 1023"));
        Assert.That(result.FailureMessage, Does.Contain("Relay:ActiveLevel must be High or Low"));
    }
}
