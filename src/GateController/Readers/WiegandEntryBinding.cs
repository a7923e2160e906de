using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// A Wiegand entry's listener options: a configured <c>Formats</c> list replaces the default list (the
/// configuration binder would append to it), and a keypad-only entry keeps its lines and PIN entry but
/// reads no cards, in the key mode its <c>Kind</c> names.
/// </summary>
internal static class WiegandEntryBinding
{
    public static WiegandReaderOptions Bind(IConfigurationSection section)
    {
        var options = section.Get<WiegandReaderOptions>() ?? new WiegandReaderOptions();
        return section.GetSection("Formats").Get<string[]>() is { } formats ? CopyWithFormats(options, formats) : options;
    }

    /// <param name="kind"><c>wiegand4</c> or <c>wiegand8</c>; any other kind gets no key mode, and the validator names it.</param>
    public static WiegandReaderOptions AsKeypad(WiegandReaderOptions bound, string kind) => new()
    {
        Id = bound.Id,
        Data0Pin = bound.Data0Pin,
        Data1Pin = bound.Data1Pin,
        PullUp = bound.PullUp,
        PinEntry = bound.PinEntry,
        Formats = [],
        KeypadMode = kind switch
        {
            AccessPointOptions.Wiegand4Kind => WiegandKeypadMode.FourBitPerKey,
            AccessPointOptions.Wiegand8Kind => WiegandKeypadMode.EightBitPerKey,
            _ => WiegandKeypadMode.None,
        },
    };

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
