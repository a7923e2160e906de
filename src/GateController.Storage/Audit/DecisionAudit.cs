using GateController.Core.Events;

namespace GateController.Storage.Audit;

/// <summary>
/// The audit row of one access decision or door event (alarm, exit, an operator's manual open): method, reader, result and reason, with the person id as
/// subject. <see cref="AccessEvent"/> holds no biometrics, PIN or whole card number, so neither does this.
/// </summary>
internal static class DecisionAudit
{
    public static long Append(Microsoft.Data.Sqlite.SqliteTransaction transaction, AccessEvent accessEvent) =>
        AuditTrail.Append(
            transaction,
            accessEvent.Timestamp,
            AuditKind.AccessDecision,
            accessEvent.Person,
            $"{accessEvent.Method} at {accessEvent.Reader}{(accessEvent.Door == 1 ? "" : $", door {accessEvent.Door}")}: {accessEvent.Result} ({accessEvent.Reason}); event {accessEvent.Sequence}");
}
