namespace GateController.Core.Door;

/// <summary>What the lock is doing, as <c>gatectl status</c> shows it.</summary>
public enum DoorRelayState
{
    Locked,

    /// <summary>A pulse (grant, exit, manual open) or the fire alarm.</summary>
    Unlocked,

    /// <summary>An operator's <c>gatectl door hold --until</c>.</summary>
    HeldOpen,
}
