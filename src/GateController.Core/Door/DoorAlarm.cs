namespace GateController.Core.Door;

/// <summary>The reasons of door alarms, as <c>gatectl events --json</c> shows them.</summary>
public static class DoorAlarm
{
    public const string HeldOpen = "heldOpen";
    public const string ForcedOpen = "forcedOpen";
    public const string Fire = "fire";
    public const string Tamper = "tamper";
    public const string StuckInput = "stuckInput";

    /// <summary>A relay write failed (the GPIO chip is gone, the line was taken): the door is reported failed.</summary>
    public const string RelayFault = "relayFault";

    /// <summary>An input line cannot be opened or read (the chip is gone, another process holds it): it is retried.</summary>
    public const string InputFault = "inputFault";
}
