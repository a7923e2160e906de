using GateController.Core.Door;
using GateController.Door;
using GateController.Hardware.Relay;
using Microsoft.Extensions.Configuration;

namespace GateController.Tests.Door;

/// <summary>Door 1 keeps its old keys (<c>Door</c>, <c>Relay</c>); <c>Door2</c> adds a second door; every problem names its key.</summary>
public sealed class DoorConfigurationTests
{
    private static DoorsOptions Bind(bool simulate, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new DoorsOptions();
        DoorConfiguration.Bind(options, configuration, simulate);
        return options;
    }

    private static IEnumerable<string> Problems(DoorsOptions options) => new DoorsOptionsValidator().Validate(null, options).Failures ?? [];

    [Test]
    public void The_existing_door_and_relay_keys_still_configure_door_1()
    {
        var options = Bind(false, ("Door:HoldOpenDuration", "00:00:05"), ("Relay:Pin", "22"), ("Relay:ActiveLevel", "Low"));

        var door = options.Doors.Single();
        Assert.That((door.Number, door.Timing.HoldOpenDuration, door.Relay.Pin, door.Relay.ActiveLevel, door.Relay.LockType),
            Is.EqualTo((1, TimeSpan.FromSeconds(5), 22, RelayActiveLevel.Low, RelayLockType.FailSecure)));
        Assert.That(door.Inputs, Is.Empty, "a device has no input defaults");
        Assert.That(Problems(options), Is.Empty);
    }

    [Test]
    public void Door2_adds_a_second_door_with_its_relay_inputs_and_readers()
    {
        var options = Bind(false,
            ("Door2:Relay:Pin", "27"), ("Door2:Relay:LockType", "FailSafe"), ("Door2:Readers:0", "garage"),
            ("Door2:Contact:Pin", "21"), ("Door2:Contact:ActiveLevel", "High"), ("Door2:Contact:Pull", "Down"), ("Door:Fire:Pin", "18"));

        var door2 = options.Doors.Single(d => d.Number == 2);
        Assert.That((door2.Relay.Pin, door2.Relay.LockType, door2.Inputs[DoorInput.Contact].Pin), Is.EqualTo((27, RelayLockType.FailSafe, 21)));
        Assert.That(options.ReaderDoors(), Is.EqualTo(new Dictionary<string, int> { ["garage"] = 2 }));
        Assert.That(options.Doors[0].Inputs[DoorInput.Fire].Pin, Is.EqualTo(18));
        Assert.That(Problems(options), Is.Empty);
    }

    [Test]
    public void Every_bad_door_key_is_named_in_its_message()
    {
        var options = Bind(false,
            ("Door:HoldOpenDuration", "00:00:45"), ("Relay:LockType", "Sideways"), ("Door:Contact:Pin", "17"),
            ("Door:Exit:DebounceDuration", "00:00:05"), ("Door2:Contact:Pin", "5000"), ("Door2:Readers:0", "front"), ("Door:Readers:0", "front"));

        var problems = string.Join("\n", Problems(options));

        Assert.That(problems, Does.Contain("Door:HoldOpenDuration must be between 00:00:01 and 00:00:30"));
        Assert.That(problems, Does.Contain("Relay:LockType"));
        Assert.That(problems, Does.Contain("Door:Contact:Pin: GPIO 17 is already used by Relay:Pin"));
        Assert.That(problems, Does.Contain("Door:Exit:Pin must be a GPIO line number"), "an input without a pin");
        Assert.That(problems, Does.Contain("Door:Exit:DebounceDuration must be between"));
        Assert.That(problems, Does.Contain("Door2:Relay:Pin is required for a second door"));
        Assert.That(problems, Does.Contain("Door2:Contact:Pin must be a GPIO line number"));
        Assert.That(problems, Does.Contain("Door2:Readers: 'front' is already on Door"));
    }

    [Test]
    public void A_simulation_gives_the_inputs_free_lines_of_the_simulated_chip()
    {
        var options = Bind(true);

        Assert.That(options.Doors.Single().Inputs.Keys, Is.EquivalentTo(Enum.GetValues<DoorInput>()));
        Assert.That(options.Doors.Single().Inputs.Values.Select(i => i.Pin), Is.All.GreaterThanOrEqualTo(40));
        Assert.That(Problems(options), Is.Empty);
    }
}
