namespace GateController.Storage.Audit;

/// <summary>
/// One row of the audit chain. <see cref="Subject"/> is a person id or null; <see cref="Detail"/>
/// never holds biometric data, names or card numbers.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string Kind,
    string? Subject,
    string Detail,
    ReadOnlyMemory<byte> PreviousHash,
    ReadOnlyMemory<byte> Hash);
