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
}
