using GateController.Core.Door;
using GateController.Core.Health;

namespace GateController.Door;

/// <summary>
/// <c>door</c> in <c>gatectl status</c>: door 1's relay and contact at the top (as before), every door under
/// <c>doors</c>. A door whose relay write failed is reported failed until a write succeeds again.
/// </summary>
internal sealed class DoorStatus(DoorHardware hardware) : ISubsystemStatusSource
{
    public SubsystemStatus GetStatus()
    {
        var doors = hardware.Doors.Doors.Select(d => d.State).ToList();
        var failed = doors.Where(d => d.RelayFault is not null).ToList();
        var first = doors[0];
        var perDoor = doors.ToDictionary(
            d => d.Door.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d => (object)Facts(d, hardware.Configured.Single(c => c.Number == d.Door)));
        return SubsystemStatus.Of(
            "door",
            failed.Count > 0 ? HealthState.Failed : HealthState.Healthy,
            failed.Count > 0 ? string.Join("; ", failed.Select(d => $"door {d.Door} relay failed: {d.RelayFault}")) : Describe(first),
            ("relay", RelayName(first.Relay)),
            ("contact", ContactName(first.Contact)),
            ("unlocked", first.Relay != DoorRelayState.Locked),
            ("pulses", first.Pulses),
            ("doors", perDoor));
    }

    public static string RelayName(DoorRelayState state) => state switch
    {
        DoorRelayState.Locked => "locked",
        DoorRelayState.Unlocked => "unlocked",
        DoorRelayState.HeldOpen => "heldOpen",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown relay state"),
    };

    public static string ContactName(bool? open) => open switch
    {
        true => "open",
        false => "closed",
        null => "unknown",
    };

    private static string Describe(DoorState door) =>
        $"{RelayName(door.Relay)}, contact {ContactName(door.Contact)}{(door.ActiveAlarms.Count > 0 ? $", alarms: {string.Join(',', door.ActiveAlarms)}" : "")}";

    public static IReadOnlyDictionary<string, object> Facts(DoorState door, ConfiguredDoor configured)
    {
        var facts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["state"] = door.RelayFault is null ? "healthy" : "failed",
            ["relay"] = RelayName(door.Relay),
            ["contact"] = ContactName(door.Contact),
            ["fire"] = door.Fire,
            ["tamper"] = door.Tamper,
            ["exitPressed"] = door.ExitPressed,
            ["alarms"] = string.Join(',', door.ActiveAlarms),
            ["pulses"] = door.Pulses,
            ["relayPin"] = configured.Relay.Pin,
            ["activeLevel"] = configured.Relay.ActiveLevel.ToString(),
            ["lockType"] = configured.Relay.LockType.ToString(),
        };
        if (door.HoldUntil is { } until)
        {
            facts["holdUntil"] = until;
        }

        if (door.RelayFault is { } fault)
        {
            facts["relayFault"] = fault;
        }

        return facts;
    }
}
