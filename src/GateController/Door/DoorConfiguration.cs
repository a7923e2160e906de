using GateController.Core.Door;
using GateController.Hardware.DoorInputs;

namespace GateController.Door;

/// <summary>
/// Reads <see cref="DoorsOptions"/> from configuration. In simulation, inputs that are not configured get
/// free lines of the simulated chip (<see cref="SimulationPins"/>), so <c>gatectl sim input</c> has a door to play.
/// </summary>
internal static class DoorConfiguration
{
    public const string Door2Section = "Door2";

    /// <summary>
    /// Lines 40-46 of the 64-line simulated chip: above the 40-pin header's BCM 0-27, so they never clash with
    /// a reader, keypad or LED a test or a simulation configures. A device has no defaults: wire and configure each input.
    /// </summary>
    public static readonly IReadOnlyDictionary<(int Door, DoorInput Input), int> SimulationPins = new Dictionary<(int, DoorInput), int>
    {
        [(1, DoorInput.Contact)] = 40,
        [(1, DoorInput.Exit)] = 41,
        [(1, DoorInput.Fire)] = 42,
        [(1, DoorInput.Tamper)] = 43,
        [(2, DoorInput.Contact)] = 44,
        [(2, DoorInput.Exit)] = 45,
        [(2, DoorInput.Tamper)] = 46,
    };

    public static void Bind(DoorsOptions options, IConfiguration configuration, bool simulate)
    {
        options.Doors.Add(BindDoor(options, configuration, 1, DoorOptions.Section, "Relay", simulate));
        var door2 = configuration.GetSection(Door2Section);
        if (door2.Exists())
        {
            if (!door2.GetSection("Relay:Pin").Exists())
            {
                options.BindingProblems.Add("Door2:Relay:Pin is required for a second door (its own relay line, e.g. 27).");
            }

            options.Doors.Add(BindDoor(options, configuration, 2, Door2Section, "Door2:Relay", simulate));
        }
    }

    private static ConfiguredDoor BindDoor(DoorsOptions options, IConfiguration configuration, int number, string section, string relaySection, bool simulate)
    {
        var door = new ConfiguredDoor { Number = number, Section = section, RelaySection = relaySection };
        TryBind(options, configuration.GetSection(section), door.Timing, section);
        TryBind(options, configuration.GetSection(relaySection), door.Relay, relaySection);
        foreach (var input in Enum.GetValues<DoorInput>())
        {
            var key = $"{section}:{ConfiguredDoor.InputKey(input)}";
            var inputSection = configuration.GetSection(key);
            if (inputSection.Exists())
            {
                var inputOptions = new DoorInputOptions();
                TryBind(options, inputSection, inputOptions, key);
                door.Inputs[input] = inputOptions;
            }
            else if (simulate && SimulationPins.TryGetValue((number, input), out var pin))
            {
                door.Inputs[input] = new DoorInputOptions { Pin = pin };
            }
        }

        return door;
    }

    private static void TryBind(DoorsOptions options, IConfigurationSection section, object target, string key)
    {
        try
        {
            section.Bind(target);
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key and the value: "Failed to convert configuration value 'x' at 'Door:Contact:Pin' to type 'System.Int32'."
            options.BindingProblems.Add($"{key}: {exception.Message}");
        }
    }
}
