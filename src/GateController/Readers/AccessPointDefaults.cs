using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>The one rule for when a simulation gets its default reader and keypad, and what they are.</summary>
internal static class AccessPointDefaults
{
    /// <summary>Simulation's reader: D0 = BCM 23, D1 = BCM 24, as in the Wiegand README's wiring.</summary>
    public const string SimulatedReaderId = "front";

    /// <summary>Simulation's keypad: an 8-bit Wiegand keypad on BCM 5 and 6, paired with the front reader.</summary>
    public const string SimulatedKeypadId = "front-keypad";

    public static void Apply(AccessPointOptions options, bool simulate)
    {
        if (simulate && options.ReaderCount == 0 && options.KeypadCount == 0 && options.BindingProblems.Count == 0)
        {
            AddSimulatedReaderAndKeypad(options);
        }
    }

    /// <summary>The readers and keypads the daemon will run, read straight from configuration.</summary>
    public static AccessPointOptions Resolve(IConfiguration configuration, bool simulate)
    {
        var options = new AccessPointOptions();
        options.Bind(configuration);
        Apply(options, simulate);
        return options;
    }

    /// <summary>One Wiegand reader "front" and one 8-bit keypad beside it, on simulated pins.</summary>
    private static void AddSimulatedReaderAndKeypad(AccessPointOptions options)
    {
        options.Readers.Add(new ConfiguredReader(
            $"{AccessPointOptions.ReadersSection}:0",
            AccessPointOptions.WiegandKind,
            new WiegandReaderOptions { Id = SimulatedReaderId, Data0Pin = 23, Data1Pin = 24 },
            null));
        options.Keypads.Add(new ConfiguredReader(
            $"{AccessPointOptions.KeypadsSection}:0",
            AccessPointOptions.Wiegand8Kind,
            new WiegandReaderOptions { Id = SimulatedKeypadId, Data0Pin = 5, Data1Pin = 6, Formats = [], KeypadMode = WiegandKeypadMode.EightBitPerKey },
            SimulatedReaderId));
    }
}
