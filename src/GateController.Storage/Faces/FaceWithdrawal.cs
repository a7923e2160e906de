namespace GateController.Storage.Faces;

/// <summary>What <c>WithdrawFace</c> erased. The person, their name, cards and PIN stay.</summary>
public sealed record FaceWithdrawal(
    string PersonId,
    DateTimeOffset WithdrawnAt,
    int DataKeysDestroyed,
    int FaceTemplatesDeleted,
    int FaceConsentsDeleted,
    long AuditSequence,
    bool Checkpointed);
