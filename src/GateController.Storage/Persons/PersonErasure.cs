namespace GateController.Storage.Persons;

/// <summary>
/// What <c>DeletePerson</c> destroyed. <see cref="Checkpointed"/> is false only if the WAL could
/// not be truncated (another reader held it); the rows are gone either way, and the data keys with them.
/// </summary>
public sealed record PersonErasure(
    string PersonId,
    DateTimeOffset ErasedAt,
    int DataKeysDestroyed,
    int FaceTemplatesDeleted,
    int FaceConsentsDeleted,
    int CardsDeleted,
    int NormalPinsDeleted,
    int DuressPinsDeleted,
    int GroupMembershipsDeleted,
    int ValidityPeriodsDeleted,
    long AuditSequence,
    bool Checkpointed);
