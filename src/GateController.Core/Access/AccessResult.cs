namespace GateController.Core.Access;

public enum AccessResult
{
    /// <summary>The door was opened.</summary>
    Granted,

    /// <summary>A well-formed credential that does not open the door (unknown, below threshold, wrong PIN).</summary>
    Denied,

    /// <summary>Input that was not a credential at all (garbled frame, bad parity, unreadable image).</summary>
    Rejected,

    /// <summary>The reader or keypad is locked out after repeated failures.</summary>
    LockedOut,

    /// <summary>A door alarm: held open, forced open, fire, tamper, a stuck input, a relay fault.</summary>
    Alarm,

    /// <summary>A door alarm ended (the door closed, the input was released, the relay works again).</summary>
    Cleared,

    /// <summary>The door was unlocked without a credential: exit button, manual open, hold-open.</summary>
    Unlocked,

    /// <summary>The door was locked by command or when a hold-open or the fire alarm ended.</summary>
    Locked,

    /// <summary>A face followed over several frames matched no enrolled person: a stranger. No picture is kept.</summary>
    Unknown,

    /// <summary>A face that matched a resident but failed liveness (a photo, a screen): a presentation attack. No picture is kept.</summary>
    Spoof,
}
