namespace GateController.Core.Health;

/// <summary>
/// One subsystem's own account of its health for <c>gatectl status</c> and the watchdog.
/// Facts are plain values (string, bool, integer, floating point), never biometric data.
/// </summary>
public sealed record SubsystemStatus(string Name, HealthState State, string Detail, IReadOnlyDictionary<string, object> Facts)
{
    public static SubsystemStatus Of(string name, HealthState state, string detail, params (string Key, object Value)[] facts) =>
        new(name, state, detail, facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
}
