namespace GateController.Storage.Persons;

/// <summary>
/// One resident as <c>gatectl person list</c> shows them: the ways in they have (a face is a count of templates,
/// never a value; cards a count, never a number), their access groups and validity dates (site zone, inclusive),
/// and the last time they were let in.
/// </summary>
public sealed record PersonListing(
    string Id,
    string Name,
    DateTimeOffset AddedAt,
    int FaceTemplates,
    int Cards,
    bool HasPin,
    bool HasDuressPin,
    IReadOnlyList<string> Groups,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    DateTimeOffset? LastGrantedAt)
{
    public override string ToString() => $"PersonListing({Id}, redacted)";
}
