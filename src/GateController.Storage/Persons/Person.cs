namespace GateController.Storage.Persons;

/// <summary>A resident as the admin sees them. Never holds biometric data.</summary>
public sealed record Person(string Id, string Name, DateTimeOffset AddedAt, int FaceTemplateCount, bool HasFaceConsent)
{
    /// <summary>Logs and exceptions carry the id only; the name is personal data.</summary>
    public override string ToString() => $"Person {Id}";
}
