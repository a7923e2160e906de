namespace GateController.Core.Health;

public enum HealthState
{
    /// <summary>Working.</summary>
    Healthy,

    /// <summary>Working in part, or recovering by itself (a camera reconnecting).</summary>
    Degraded,

    /// <summary>Not working; the other ways in carry on.</summary>
    Failed,

    /// <summary>Switched off by configuration.</summary>
    Disabled,
}
