namespace GateController.Hardware.Relay;

/// <summary>What the lock does without power, which decides what the relay's energised state means.</summary>
public enum RelayLockType
{
    /// <summary>Locked without power (an electric strike): energise the relay to unlock.</summary>
    FailSecure,

    /// <summary>Open without power (a maglock): energise the relay to lock; a power cut opens the door.</summary>
    FailSafe,
}
