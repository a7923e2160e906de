using GateController.Core.Access;

namespace GateController.Core.Events;

/// <summary>
/// The record of one decision or one door event (alarm, exit, manual open, fire). It names the person
/// by id only and never holds biometric data, a PIN or a whole card number.
/// </summary>
/// <param name="Door">The door it concerns, 1-based.</param>
public sealed record AccessEvent(
    long Sequence,
    DateTimeOffset Timestamp,
    AccessMethod Method,
    string Reader,
    string? Person,
    AccessResult Result,
    string Reason,
    TimeSpan Latency,
    int Door = 1)
{
    /// <summary>A door event (alarm, exit, manual, fire) rather than a decision on a credential.</summary>
    public bool IsDoorEvent => Method is AccessMethod.Exit or AccessMethod.Manual or AccessMethod.Door;

    public bool IsAlarm => Result == AccessResult.Alarm;
}
