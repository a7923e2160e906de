namespace GateController.Core.Door;

/// <summary>
/// The lock output of one door, in terms of the lock, not the relay coil: the hardware maps
/// unlocked/locked to a pin level by the lock type (fail-secure: energise to unlock; fail-safe:
/// energise to lock) and the board's active level. Only <see cref="DoorController"/> drives it.
/// </summary>
public interface IRelayOutput
{
    /// <summary>Drives the lock; throws (for example <see cref="IOException"/>) when the write fails.</summary>
    void Drive(bool unlocked);
}
