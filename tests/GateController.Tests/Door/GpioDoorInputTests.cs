using System.Device.Gpio;
using GateController.Core.Door;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Door;

/// <summary>One input on the simulated chip: its pull, its active level and the shared debouncer.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GpioDoorInputTests : IDisposable
{
    private const int Pin = 40;
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly List<(bool Active, bool Initial)> _changes = [];
    private readonly List<bool> _faults = [];

    public GpioDoorInputTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
    }

    public void Dispose() => _gpio.Dispose();

    private GpioDoorInput Open(RelayActiveLevel active, InputPull pull) => new(
        _gpio, 1, DoorInput.Contact, new DoorInputOptions { Pin = Pin, ActiveLevel = active, Pull = pull, DebounceDuration = Debounce },
        (isActive, initial) => _changes.Add((isActive, initial)), _faults.Add, _time, NullLogger.Instance);

    private void Step(int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    [Test]
    public void An_active_high_input_with_pull_down_reads_inactive_at_start_and_active_after_the_debounce()
    {
        using var input = Open(RelayActiveLevel.High, InputPull.Down);
        Assert.That(_changes, Is.EqualTo(new[] { (false, true) }), "the pull-down idles it low: inactive, reported as the initial state");

        _driver.SimulateEdge(Pin, PinEventTypes.Rising);
        Step(49);
        Assert.That(input.IsActive, Is.False, "not yet held for the debounce time");
        Step(2);

        Assert.That(input.IsActive, Is.True);
        Assert.That(_changes, Is.EqualTo(new[] { (false, true), (true, false) }));
    }

    [Test]
    public void A_bouncing_contact_counts_once_after_its_last_edge_has_held()
    {
        using var input = Open(RelayActiveLevel.Low, InputPull.Up);
        foreach (var edge in new[] { PinEventTypes.Falling, PinEventTypes.Rising, PinEventTypes.Falling, PinEventTypes.Rising, PinEventTypes.Falling })
        {
            _driver.SimulateEdge(Pin, edge);
            Step(5);
        }

        Step(100);

        Assert.That(_changes, Is.EqualTo(new[] { (false, true), (true, false) }), "five edges in 25 ms, one change");
    }

    [Test]
    public void A_line_that_cannot_be_had_at_start_raises_a_fault_instead_of_throwing_and_reports_its_level_once_it_can()
    {
        _driver.ChipLost = true;
        using var input = Open(RelayActiveLevel.High, InputPull.Down);

        Assert.That((input.IsFaulted, _faults.Count, _changes.Count), Is.EqualTo((true, 1, 0)));
        _time.Advance(GpioDoorInput.RetryInterval * 3);
        Assert.That(_faults, Is.EqualTo(new[] { true }), "one fault, however many retries fail");

        _driver.ChipLost = false;
        _time.Advance(GpioDoorInput.RetryInterval);

        Assert.That(input.IsFaulted, Is.False);
        Assert.That(_faults, Is.EqualTo(new[] { true, false }));
        Assert.That(_changes, Is.EqualTo(new[] { (false, true) }), "the level read once the line is back counts as a fresh start");
        _driver.SimulateEdge(Pin, PinEventTypes.Rising);
        Step(60);
        Assert.That(_changes[^1], Is.EqualTo((true, false)), "and its edges are heard");
    }

    [Test]
    public void A_read_that_fails_mid_run_raises_one_fault_and_clears_when_the_line_reads_again()
    {
        using var input = Open(RelayActiveLevel.High, InputPull.Down);
        _driver.ChipLost = true;

        _driver.SimulateEdge(Pin, PinEventTypes.Rising);
        _driver.SimulateEdge(Pin, PinEventTypes.Falling);
        Step(60);

        Assert.That((input.IsFaulted, _faults.Count), Is.EqualTo((true, 1)));
        _driver.ChipLost = false;
        _time.Advance(GpioDoorInput.RetryInterval);
        Assert.That(_faults, Is.EqualTo(new[] { true, false }));
        Assert.That(input.IsFaulted, Is.False);
    }
}
