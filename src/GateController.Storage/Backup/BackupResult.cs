namespace GateController.Storage.Backup;

/// <summary>A written backup: where (or "stream"), how big, and the audit head it contains.</summary>
public sealed record BackupResult(string Destination, long Bytes, long AuditSequence, string CreatedAt);
