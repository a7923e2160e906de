using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>Receipts, rotation, backups, retention and integrity (issue #4): event ids 3070–3099.</summary>
internal static partial class Log
{
    /// <remarks>The directory only: a receipt's file name carries the person id, for the data subject it belongs to.</remarks>
    [LoggerMessage(EventId = 3070, Level = LogLevel.Information, Message = "Deletion receipt for {Action} of {Person} at audit row {AuditSequence} archived in {Directory}")]
    public static partial void ReceiptIssued(ILogger logger, string action, string person, long auditSequence, string directory);

    [LoggerMessage(EventId = 3071, Level = LogLevel.Warning, Message = "Master key rotated: {DataKeys} data keys and {MetaRecords} meta records re-wrapped; new key at {KeyFile}")]
    public static partial void MasterKeyRotated(ILogger logger, int dataKeys, int metaRecords, string keyFile);

    [LoggerMessage(EventId = 3072, Level = LogLevel.Warning, Message = "An interrupted key rotation was found: {Action}")]
    public static partial void RotationRecovered(ILogger logger, string action);

    [LoggerMessage(EventId = 3073, Level = LogLevel.Information, Message = "Backup written ({Bytes} bytes, audit head {AuditSequence}) to {Destination}")]
    public static partial void BackupWritten(ILogger logger, long bytes, long auditSequence, string destination);

    [LoggerMessage(EventId = 3074, Level = LogLevel.Information, Message = "Retention: face data of {Person} erased (not seen since {LastSeen:O})")]
    public static partial void RetentionErasedFace(ILogger logger, string person, DateTimeOffset lastSeen);

    [LoggerMessage(EventId = 3075, Level = LogLevel.Information, Message = "Retention: {Count} access events older than {Cutoff:O} purged")]
    public static partial void RetentionPurgedEvents(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3076, Level = LogLevel.Critical, Message = "{Problem}")]
    public static partial void StoreDamaged(ILogger logger, string problem);
}
