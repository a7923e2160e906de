using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// The card readers (<c>Readers[]</c>) and keypads (<c>Keypads[]</c>) of the gate, bound by hand from
/// configuration so that each problem can name its key (<c>Readers:0:Data0Pin</c>) and so that a
/// configured <c>Formats</c> list replaces the default list instead of being appended to it.
/// </summary>
internal sealed class AccessPointOptions
{
    public const string ReadersSection = "Readers";
    public const string KeypadsSection = "Keypads";
    public const string WiegandKind = "wiegand";
    public const string Wiegand4Kind = "wiegand4";
    public const string Wiegand8Kind = "wiegand8";

    /// <summary>Simulation's reader: D0 = BCM 23, D1 = BCM 24, as in the Wiegand README's wiring.</summary>
    public const string SimulatedReaderId = "front";

    /// <summary>Simulation's keypad: an 8-bit Wiegand keypad on BCM 5 and 6, paired with the front reader.</summary>
    public const string SimulatedKeypadId = "front-keypad";

    public List<ConfiguredReader> Readers { get; } = [];

    public List<ConfiguredReader> Keypads { get; } = [];

    /// <summary>Problems found while binding (an unknown kind, a bad number); reported by the validator with the rest.</summary>
    public List<string> BindingProblems { get; } = [];

    public IEnumerable<ConfiguredReader> All => Readers.Concat(Keypads);

    public void Bind(IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection(ReadersSection).GetChildren())
        {
            if (TryBind(section, out var wiegand))
            {
                Readers.Add(new ConfiguredReader(section.Path, section["Kind"] ?? WiegandKind, wiegand, null));
            }
        }

        foreach (var section in configuration.GetSection(KeypadsSection).GetChildren())
        {
            if (!TryBind(section, out var wiegand))
            {
                continue;
            }

            var kind = section["Kind"] ?? "";
            var keypad = new WiegandReaderOptions
            {
                Id = wiegand.Id,
                Data0Pin = wiegand.Data0Pin,
                Data1Pin = wiegand.Data1Pin,
                PullUp = wiegand.PullUp,
                PinEntry = wiegand.PinEntry,
                Formats = [],
                KeypadMode = kind switch
                {
                    Wiegand4Kind => WiegandKeypadMode.FourBitPerKey,
                    Wiegand8Kind => WiegandKeypadMode.EightBitPerKey,
                    _ => WiegandKeypadMode.None,
                },
            };
            Keypads.Add(new ConfiguredReader(section.Path, kind, keypad, section["Reader"]));
        }
    }

    /// <summary>One Wiegand reader "front" and one 8-bit keypad beside it, on simulated pins.</summary>
    public void AddSimulationDefaults()
    {
        Readers.Add(new ConfiguredReader($"{ReadersSection}:0", WiegandKind, new WiegandReaderOptions { Id = SimulatedReaderId, Data0Pin = 23, Data1Pin = 24 }, null));
        Keypads.Add(new ConfiguredReader(
            $"{KeypadsSection}:0",
            Wiegand8Kind,
            new WiegandReaderOptions { Id = SimulatedKeypadId, Data0Pin = 5, Data1Pin = 6, Formats = [], KeypadMode = WiegandKeypadMode.EightBitPerKey },
            SimulatedReaderId));
    }

    private bool TryBind(IConfigurationSection section, out WiegandReaderOptions options)
    {
        try
        {
            options = section.Get<WiegandReaderOptions>() ?? new WiegandReaderOptions();
            if (section.GetSection("Formats").Get<string[]>() is { } formats)
            {
                options = CopyWithFormats(options, formats);
            }

            return true;
        }
        catch (InvalidOperationException exception)
        {
            BindingProblems.Add($"{section.Path}: {exception.InnerException?.Message ?? exception.Message}");
            options = new WiegandReaderOptions();
            return false;
        }
    }

    private static WiegandReaderOptions CopyWithFormats(WiegandReaderOptions bound, string[] formats) => new()
    {
        Id = bound.Id,
        Data0Pin = bound.Data0Pin,
        Data1Pin = bound.Data1Pin,
        FrameGap = bound.FrameGap,
        MinimumPulseInterval = bound.MinimumPulseInterval,
        Formats = formats,
        PullUp = bound.PullUp,
        KeypadMode = bound.KeypadMode,
        KeypadId = bound.KeypadId,
        PinEntry = bound.PinEntry,
        RejectionLogInterval = bound.RejectionLogInterval,
    };
}
