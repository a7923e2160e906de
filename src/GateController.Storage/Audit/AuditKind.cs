namespace GateController.Storage.Audit;

/// <summary>What an audit row records. Stored by name, so only add members; never rename one.</summary>
public enum AuditKind
{
    StoreCreated,
    PersonAdded,
    PersonDeleted,
    FaceConsentRecorded,
    FaceEnrolled,
    FaceWithdrawn,
    CardAdded,
    CardRemoved,
    PinSet,
    PinCleared,
    MasterKeyRotated,
    BackupWritten,
    StoreRestored,
    AccessEventsPurged,
}
