using GateController.Core.Access;

namespace GateController.Core.Events;

/// <summary>
/// The record of one decision. It names the person by id only and never holds biometric data,
/// a PIN or a whole card number.
/// </summary>
public sealed record AccessEvent(
    long Sequence,
    DateTimeOffset Timestamp,
    AccessMethod Method,
    string Reader,
    string? Person,
    AccessResult Result,
    string Reason,
    TimeSpan Latency);
