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

    // Issue #4, audit section.

    /// <summary>One access decision: method, reader, result, reason; the subject is the person id or null.</summary>
    AccessDecision,

    /// <summary>One mutating admin API request: method, route pattern, status; never a body.</summary>
    AdminCommand,

    /// <summary>The effective configuration differs from the one recorded at the previous start.</summary>
    ConfigChanged,

    /// <summary>Retention purged old decision rows; the detail carries the new anchor (see README, Audit chain).</summary>
    AuditAnchorMoved,

    // Issue #10, access rules.

    /// <summary>An access group was added or its windows, holidays or doors replaced; the subject is null, the detail names the group.</summary>
    AccessGroupSaved,

    AccessGroupRemoved,

    /// <summary>A person's groups or validity period changed; the detail names the groups and says which dates are set, never the dates.</summary>
    PersonAccessSet,

    // Issue #9, packaging.

    /// <summary>A factory reset (<c>gatectl reset</c>, or a package purge) is about to erase the key, the store and the data directory.</summary>
    FactoryReset,

    /// <summary>
    /// <c>gatectl person import</c> added residents in one transaction (each also has its own PersonAdded, CardAdded and
    /// PersonAccessSet rows); the subject is null, the detail counts them. <c>PersonsExported</c>: the list left the device.
    /// </summary>
    PersonsImported,

    PersonsExported,
}
