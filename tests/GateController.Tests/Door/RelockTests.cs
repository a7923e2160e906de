using System.Device.Gpio;
using GateController.Door;
using GateController.Hardware.Gpio;
using GateController.Tests.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Door;

/// <summary>
/// <c>gate-controller relock</c> (the unit's <c>ExecStopPost=</c>) on the simulated chip: a daemon killed with its relay
/// lines at the unlocked level leaves them there; the relock drives each to its locked level for its lock type.
/// </summary>
public sealed class RelockTests
{
    [TestCase("FailSecure", "High", 0)]   // strike, energise to unlock: locked = not energised
    [TestCase("FailSafe", "High", 1)]     // maglock, energise to lock
    [TestCase("FailSecure", "Low", 1)]    // active-low relay board: not energised = high
    [TestCase("FailSafe", "Low", 0)]
    public void A_line_left_unlocked_is_driven_to_its_locked_level(string lockType, string activeLevel, int lockedLevel)
    {
        var driver = new SimulatedGpioDriver(new FakeTimeProvider());
        var doors = Doors(("Relay:Pin", "17"), ("Relay:LockType", lockType), ("Relay:ActiveLevel", activeLevel));
        LeaveUnlocked(driver, 17, lockedLevel == 0 ? PinValue.High : PinValue.Low);

        var (exit, output, error) = Relock(driver, doors);

        Assert.That(exit, Is.Zero, error);
        Assert.That(driver.ValueOf(17), Is.EqualTo(lockedLevel == 0 ? PinValue.Low : PinValue.High));
        Assert.That(driver.Writes.Last(w => w.Pin == 17).Value, Is.EqualTo(driver.ValueOf(17)));
        Assert.That(output, Does.Contain($"door 1: relay line 17 driven {(lockedLevel == 0 ? "low" : "high")} (locked, {lockType}"));
    }

    [Test]
    public void Both_doors_are_relocked_each_by_its_own_lock_type()
    {
        var driver = new SimulatedGpioDriver(new FakeTimeProvider());
        var doors = Doors(("Relay:Pin", "17"), ("Door2:Relay:Pin", "27"), ("Door2:Relay:LockType", "FailSafe"));
        LeaveUnlocked(driver, 17, PinValue.High);
        LeaveUnlocked(driver, 27, PinValue.Low);

        var (exit, _, error) = Relock(driver, doors);

        Assert.That(exit, Is.Zero, error);
        Assert.That((driver.ValueOf(17), driver.ValueOf(27)), Is.EqualTo((PinValue.Low, PinValue.High)));
    }

    [Test]
    public void A_wrong_relay_key_is_named_and_the_other_door_is_still_relocked()
    {
        var driver = new SimulatedGpioDriver(new FakeTimeProvider());
        var doors = Doors(("Relay:Pin", "17"), ("Door2:Relay:Pin", "4096"), ("Door:HoldOpenDuration", "99:00:00"));
        LeaveUnlocked(driver, 17, PinValue.High);

        var (exit, output, error) = Relock(driver, doors);

        Assert.That(exit, Is.EqualTo(78));
        Assert.That(error, Does.Contain("door 2 not relocked").And.Contain("Door2:Relay:Pin"));
        Assert.That(output, Does.Contain("door 1: relay line 17 driven low"), "a bad door timing key does not stop door 1's relock");
        Assert.That(driver.ValueOf(17), Is.EqualTo(PinValue.Low));
    }

    [Test]
    public void A_chip_that_is_gone_fails_with_the_line_named()
    {
        var driver = new SimulatedGpioDriver(new FakeTimeProvider()) { ChipLost = true };

        var (exit, _, error) = Relock(driver, Doors(("Relay:Pin", "17")));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("relay line 17 could not be driven locked"));
    }

    [Test]
    public async Task The_command_reads_the_daemons_config_file_and_exits()
    {
        using var directory = new TemporaryDirectory();
        var config = Path.Combine(directory.Path, "config.json");
        await File.WriteAllTextAsync(config, """
            // The packaged config is JSON with comments.
            { "Relay": { "Pin": 17, "LockType": "FailSafe" }, "Door2": { "Relay": { "Pin": 27 } } }
            """);

        var result = await DotnetProcess.RunAsync("gate-controller", ["relock", "--simulate", "--config", config]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("door 1: relay line 17 driven high (locked, FailSafe").And.Contain("door 2: relay line 27 driven low (locked, FailSecure"));
    }

    [Test]
    public async Task A_missing_config_file_is_a_configuration_error()
    {
        var result = await DotnetProcess.RunAsync("gate-controller", ["relock", "--simulate", "--config", "/nonexistent/config.json"]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("/nonexistent/config.json does not exist"));
    }

    private static DoorsOptions Doors(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        var doors = new DoorsOptions();
        DoorConfiguration.Bind(doors, configuration, simulate: false);
        return doors;
    }

    /// <summary>What a killed daemon leaves: the line requested as an output at the unlocked level.</summary>
    private static void LeaveUnlocked(SimulatedGpioDriver driver, int pin, PinValue unlocked)
    {
        var daemon = new GpioController(driver);
        daemon.OpenPin(pin, PinMode.Output, unlocked);
    }

    private static (int Exit, string Output, string Error) Relock(SimulatedGpioDriver driver, DoorsOptions doors)
    {
        using var gpio = new GpioController(driver);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = RelockCommand.Relock(gpio, doors, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("gate-relock-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
