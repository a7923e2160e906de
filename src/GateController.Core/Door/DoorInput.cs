namespace GateController.Core.Door;

/// <summary>The inputs of a door. Active means: door open, button pressed, fire alarm on, enclosure opened.</summary>
public enum DoorInput
{
    Contact,
    Exit,
    Fire,
    Tamper,
}
