namespace GateController.Core.Door;

public enum DoorOpenOutcome
{
    Opened,

    /// <summary>The attempt names a door that is not configured; nothing was driven.</summary>
    NoSuchDoor,

    /// <summary>The relay write failed: the door stays locked and a <c>relayFault</c> alarm is raised.</summary>
    RelayFailed,
}
