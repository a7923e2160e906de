namespace GateController.Readers;

/// <summary>
/// One entry of <c>Readers[]</c> or <c>Keypads[]</c> of a kind other than Wiegand (<c>evdev</c>, <c>nfc</c>,
/// <c>matrix</c>), bound to its driver's own options class.
/// </summary>
/// <param name="ConfigPath">E.g. <c>Keypads:1</c>; problems name keys below it.</param>
/// <param name="Kind">The configured <c>Kind</c>.</param>
/// <param name="Id">The device's name in events, status and lockout.</param>
/// <param name="Options">The driver's options (<c>EvdevKeypadOptions</c>, <c>MatrixKeypadOptions</c>, …).</param>
/// <param name="PairedReader">For a keypad: the card reader it belongs to, for card+PIN hours.</param>
internal sealed record ConfiguredDevice<TOptions>(string ConfigPath, string Kind, string Id, TOptions Options, string? PairedReader)
    where TOptions : class;
