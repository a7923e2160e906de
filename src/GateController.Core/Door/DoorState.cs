namespace GateController.Core.Door;

/// <summary>A snapshot of one door for status.</summary>
/// <param name="Contact">True open, false closed, null when no contact is wired (or not read yet).</param>
/// <param name="RelayFault">Why the last relay write failed; null when the relay works.</param>
public sealed record DoorState(
    int Door,
    DoorRelayState Relay,
    bool? Contact,
    bool Fire,
    bool Tamper,
    bool ExitPressed,
    IReadOnlyList<string> ActiveAlarms,
    DateTimeOffset? HoldUntil,
    string? RelayFault,
    long Pulses);
