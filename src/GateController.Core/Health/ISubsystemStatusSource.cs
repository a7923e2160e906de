namespace GateController.Core.Health;

/// <summary>Implemented by each subsystem (camera, models, store, relay, readers) to report on itself.</summary>
public interface ISubsystemStatusSource
{
    /// <summary>Must be quick and must not throw: it is called for every status request and watchdog tick.</summary>
    SubsystemStatus GetStatus();
}
