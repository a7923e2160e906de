namespace GateController.Storage.Faces;

/// <summary>What <c>AddFaceTemplates</c> stored.</summary>
public sealed record FaceEnrolment(
    string PersonId,
    long ConsentId,
    int TemplatesStored,
    string EmbedderModelId,
    DateTimeOffset EnrolledAt,
    long AuditSequence);
