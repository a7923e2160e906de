using GateController.Core.Access;

namespace GateController.Core.Door;

/// <summary>What the decision engine needs from the doors: which door an attempt is for, and to open it.</summary>
public interface IDoorOpener
{
    /// <summary>Puts the door of the attempt's reader on it (<c>Door2:Readers</c>); unmapped readers keep theirs.</summary>
    AccessAttempt AssignDoor(AccessAttempt attempt);

    /// <summary>Unlocks the attempt's door for one pulse; a pulse during a pulse extends it.</summary>
    DoorOpenOutcome Open(AccessAttempt attempt);
}
