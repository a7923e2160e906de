namespace GateController.Core.Door;

/// <summary>The lock output. Only the decision engine drives it.</summary>
public interface IDoorRelay
{
    /// <summary>Energises the relay and releases it after <paramref name="holdOpenDuration"/>; a pulse during a pulse extends it.</summary>
    void Pulse(TimeSpan holdOpenDuration);

    /// <summary>True while the relay holds the door unlocked.</summary>
    bool IsUnlocked { get; }

    /// <summary>Number of pulses since start, for status and tests.</summary>
    long PulseCount { get; }
}
