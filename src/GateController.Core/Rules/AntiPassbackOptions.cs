namespace GateController.Core.Rules;

/// <summary><c>Access:AntiPassback</c>: entry/exit reader pairs, and what a second entry without an exit does.</summary>
public sealed class AntiPassbackOptions
{
    /// <summary>
    /// How long an entry counts before it is forgotten (the timed reset). Half an hour: long enough that a card
    /// handed back through the fence is refused, short enough that a resident who left by the vehicle gate
    /// without a read is not locked out for the day.
    /// </summary>
    public static readonly TimeSpan DefaultResetAfter = TimeSpan.FromMinutes(30);

    public AntiPassbackMode Mode { get; set; } = AntiPassbackMode.Off;

    public TimeSpan ResetAfter { get; set; } = DefaultResetAfter;

    /// <summary>Reader ids (a keypad counts as the reader it is paired with); each pair is one area.</summary>
    public IList<AntiPassbackPair> Pairs { get; init; } = [];
}

public enum AntiPassbackMode
{
    Off,

    /// <summary>A second entry is denied with reason <c>antiPassback</c>.</summary>
    Hard,

    /// <summary>A second entry is granted and logged (a warning, and the event's reason says so).</summary>
    Soft,
}

public sealed class AntiPassbackPair
{
    public string Entry { get; set; } = "";

    public string Exit { get; set; } = "";
}
