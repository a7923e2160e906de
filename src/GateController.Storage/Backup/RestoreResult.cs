namespace GateController.Storage.Backup;

/// <summary>
/// A completed restore: which backup, its audit head, the backups passed over and why, the erasures
/// re-applied from the receipt archive, and where the replaced database files were moved.
/// </summary>
public sealed record RestoreResult(
    string BackupFile,
    string BackupCreatedAt,
    long AuditSequence,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> ErasuresReplayed,
    string? ReplacedFilesFolder);
