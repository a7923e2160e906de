namespace GateController.Core.Rules;

/// <summary>The <c>Access</c> section: the site's zone, the per-door method windows, card+PIN timing and anti-passback.</summary>
public sealed class AccessRulesOptions
{
    public const string Section = "Access";

    /// <summary>Time to type the PIN after the card; long enough for a resident, short enough that the next person is not let in.</summary>
    public static readonly TimeSpan DefaultPinAfterCardTimeout = TimeSpan.FromSeconds(15);

    /// <summary>IANA zone the windows, holidays and validity dates are in; empty = the system's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Whether a person in no group may enter (at any time). Allowed by default, so a site that uses no
    /// groups keeps working; set Denied once every resident has a group.
    /// </summary>
    public UngroupedPersons PersonsWithoutGroup { get; set; } = UngroupedPersons.Allowed;

    public TimeSpan PinAfterCardTimeout { get; set; } = DefaultPinAfterCardTimeout;

    /// <summary>Per-door method windows; a door or a time not listed takes any single credential.</summary>
    public IList<DoorMethodOptions> Doors { get; init; } = [];

    public AntiPassbackOptions AntiPassback { get; init; } = new();
}

public enum UngroupedPersons
{
    Allowed,
    Denied,
}

/// <summary><c>Access:Doors:N</c>: the method windows of one door, the first matching window wins.</summary>
public sealed class DoorMethodOptions
{
    public int Door { get; set; } = 1;

    public IList<MethodWindowOptions> Windows { get; init; } = [];
}

/// <summary><c>{ "When": "Mon-Fri 22:00-06:00", "Methods": ["CardAndPin", "Pin"] }</c>.</summary>
public sealed class MethodWindowOptions
{
    public string When { get; set; } = "";

    public IList<DoorMethods> Methods { get; init; } = [];
}
