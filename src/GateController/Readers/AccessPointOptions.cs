using System.Diagnostics.CodeAnalysis;
using GateController.Hardware.Evdev;
using GateController.Hardware.Feedback;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;
using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// The card readers (<c>Readers[]</c>) and keypads (<c>Keypads[]</c>) of the gate, bound by hand from
/// configuration so that each problem can name its key (<c>Readers:0:Data0Pin</c>) and so that a
/// configured <c>Formats</c> list replaces the default list instead of being appended to it. Each kind
/// binds to its driver's own options class; Wiegand entries stay in <see cref="Readers"/> and
/// <see cref="Keypads"/>, the others in a list per kind.
/// </summary>
internal sealed class AccessPointOptions
{
    public const string ReadersSection = "Readers";
    public const string KeypadsSection = "Keypads";
    public const string WiegandKind = "wiegand";
    public const string Wiegand4Kind = "wiegand4";
    public const string Wiegand8Kind = "wiegand8";
    public const string EvdevKind = "evdev";
    public const string NfcKind = "nfc";
    public const string MatrixKind = "matrix";
    public const string FeedbackKey = "Feedback";

    /// <summary>Simulation's reader: D0 = BCM 23, D1 = BCM 24, as in the Wiegand README's wiring.</summary>
    public const string SimulatedReaderId = "front";

    /// <summary>Simulation's keypad: an 8-bit Wiegand keypad on BCM 5 and 6, paired with the front reader.</summary>
    public const string SimulatedKeypadId = "front-keypad";

    /// <summary>Wiegand card readers (<c>Kind</c> <c>wiegand</c>).</summary>
    public List<ConfiguredReader> Readers { get; } = [];

    /// <summary>Wiegand keypads (<c>Kind</c> <c>wiegand4</c>, <c>wiegand8</c>, or unknown: the validator names it).</summary>
    public List<ConfiguredReader> Keypads { get; } = [];

    public List<ConfiguredDevice<EvdevCardReaderOptions>> EvdevReaders { get; } = [];

    public List<ConfiguredDevice<NfcReaderOptions>> NfcReaders { get; } = [];

    public List<ConfiguredDevice<EvdevKeypadOptions>> EvdevKeypads { get; } = [];

    public List<ConfiguredDevice<MatrixKeypadOptions>> MatrixKeypads { get; } = [];

    /// <summary>The <c>Feedback</c> sections of readers and keypads that have one.</summary>
    public List<ConfiguredFeedback> Feedback { get; } = [];

    /// <summary>Problems found while binding (an unknown kind, a bad number); reported by the validator with the rest.</summary>
    public List<string> BindingProblems { get; } = [];

    /// <summary>The Wiegand entries, readers first.</summary>
    public IEnumerable<ConfiguredReader> All => Readers.Concat(Keypads);

    public int ReaderCount => Readers.Count + EvdevReaders.Count + NfcReaders.Count;

    public int KeypadCount => Keypads.Count + EvdevKeypads.Count + MatrixKeypads.Count;

    /// <summary>Every reader's and keypad's id, readers first.</summary>
    public IEnumerable<string> ReaderIds =>
        Readers.Select(r => r.Wiegand.Id).Concat(EvdevReaders.Select(r => r.Id)).Concat(NfcReaders.Select(r => r.Id));

    /// <summary>Keypad id → the card reader it is paired with, for card+PIN hours.</summary>
    public Dictionary<string, string> KeypadPairings =>
        Keypads.Where(k => k.PairedReader is not null).Select(k => (Id: k.KeypadId, Reader: k.PairedReader!))
            .Concat(EvdevKeypads.Where(k => k.PairedReader is not null).Select(k => (k.Id, Reader: k.PairedReader!)))
            .Concat(MatrixKeypads.Where(k => k.PairedReader is not null).Select(k => (k.Id, Reader: k.PairedReader!)))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Reader, StringComparer.Ordinal);

    public void Bind(IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection(ReadersSection).GetChildren())
        {
            var kind = section["Kind"] ?? WiegandKind;
            if (kind == EvdevKind)
            {
                BindDevice(EvdevReaders, section, kind, o => o.Id);
            }
            else if (kind == NfcKind)
            {
                BindDevice(NfcReaders, section, kind, o => o.Id);
            }
            else if (TryBind(section, out var wiegand))
            {
                Readers.Add(new ConfiguredReader(section.Path, kind, wiegand, null));
                BindFeedback(section, wiegand.KeypadId is { } keypadId && keypadId != wiegand.Id ? [wiegand.Id, keypadId] : [wiegand.Id]);
            }
        }

        foreach (var section in configuration.GetSection(KeypadsSection).GetChildren())
        {
            var kind = section["Kind"] ?? "";
            if (kind == EvdevKind)
            {
                BindDevice(EvdevKeypads, section, kind, o => o.Id);
                continue;
            }

            if (kind == MatrixKind)
            {
                BindDevice(MatrixKeypads, section, kind, o => o.Id);
                continue;
            }

            if (!TryBind(section, out var wiegand))
            {
                continue;
            }

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
            BindFeedback(section, [keypad.Id]);
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

    private void BindDevice<TOptions>(List<ConfiguredDevice<TOptions>> devices, IConfigurationSection section, string kind, Func<TOptions, string> id)
        where TOptions : class, new()
    {
        if (TryBind<TOptions>(section, out var options))
        {
            devices.Add(new ConfiguredDevice<TOptions>(section.Path, kind, id(options), options, section["Reader"]));
            BindFeedback(section, [id(options)]);
        }
    }

    private void BindFeedback(IConfigurationSection entry, string[] readerIds)
    {
        var section = entry.GetSection(FeedbackKey);
        if (section.Exists() && TryBind<FeedbackOptions>(section, out var feedback))
        {
            Feedback.Add(new ConfiguredFeedback(section.Path, readerIds, feedback));
        }
    }

    private bool TryBind<TOptions>(IConfigurationSection section, [NotNullWhen(true)] out TOptions? options)
        where TOptions : class, new()
    {
        try
        {
            options = section.Get<TOptions>() ?? new TOptions();
            return true;
        }
        catch (InvalidOperationException exception)
        {
            BindingProblems.Add($"{section.Path}: {exception.InnerException?.Message ?? exception.Message}");
            options = null;
            return false;
        }
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
