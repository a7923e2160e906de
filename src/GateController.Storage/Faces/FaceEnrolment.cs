namespace GateController.Storage.Faces;

/// <summary>
/// What <c>AddFaceTemplates</c> stored, and how many of the person's templates of another embedder model it
/// deleted (they can never match again, so keeping them would only keep biometric data longer).
/// </summary>
public sealed record FaceEnrolment(
    string PersonId,
    long ConsentId,
    int TemplatesStored,
    string EmbedderModelId,
    DateTimeOffset EnrolledAt,
    long AuditSequence,
    int OtherModelTemplatesDeleted = 0);
