using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// One entry of <c>Readers[]</c> or <c>Keypads[]</c> after binding: where it is configured (for error
/// messages), its kind, and the Wiegand listener options it runs with.
/// </summary>
/// <param name="ConfigPath">E.g. <c>Readers:0</c>.</param>
/// <param name="Kind"><c>wiegand</c> for readers; <c>wiegand4</c> or <c>wiegand8</c> for keypads.</param>
/// <param name="Wiegand">The listener's options; a keypad has no card formats and a keypad mode.</param>
/// <param name="PairedReader">For a keypad: the card reader it belongs to, for card+PIN hours.</param>
internal sealed record ConfiguredReader(string ConfigPath, string Kind, WiegandReaderOptions Wiegand, string? PairedReader)
{
    public bool IsKeypad => ConfigPath.StartsWith(AccessPointOptions.KeypadsSection, StringComparison.Ordinal);

    /// <summary>The id PINs from this entry carry in events and lockout.</summary>
    public string KeypadId => Wiegand.KeypadId ?? Wiegand.Id;

    public bool HasKeys => Wiegand.KeypadMode != WiegandKeypadMode.None;

    public bool ReadsCards => Wiegand.Formats.Count > 0;
}
