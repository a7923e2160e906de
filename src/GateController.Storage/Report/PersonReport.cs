using GateController.Core.Events;

namespace GateController.Storage.Report;

/// <summary>
/// The data-subject report (PIPL art. 45: a person may see what is held about them): every item stored
/// about one person, with kinds, counts and dates, the consent records in full, and recent access events.
/// Biometric values are never part of it: templates appear as counts, dimensions and dates only.
/// </summary>
public sealed record PersonReport(
    string PersonId,
    string Name,
    DateTimeOffset AddedAt,
    IReadOnlyList<DataKeyItem> DataKeys,
    IReadOnlyList<ConsentItem> FaceConsents,
    IReadOnlyList<TemplateGroup> FaceTemplates,
    long AccessEventCount,
    DateTimeOffset? LastFaceGrantAt,
    IReadOnlyList<AccessEvent> RecentAccessEvents,
    long AuditEntryCount,
    IReadOnlyList<string> Damaged)
{
    public override string ToString() => $"PersonReport({PersonId}, redacted)";
}

/// <summary>A data key's purpose and creation date; never the key.</summary>
public sealed record DataKeyItem(string Purpose, DateTimeOffset CreatedAt);

/// <summary>
/// A face consent record: who consented, when, how, and which operator took it. Null text fields mean
/// the sealed details failed authentication (listed in <see cref="PersonReport.Damaged"/>).
/// </summary>
public sealed record ConsentItem(long Id, DateTimeOffset ConsentedAt, DateTimeOffset RecordedAt, string? ConsentedBy, string? Method, string? Operator, int TemplateCount);

/// <summary>Templates per embedder model: how many, their dimension, and when enrolled. No values.</summary>
public sealed record TemplateGroup(string ModelId, int Dimensions, int Count, DateTimeOffset FirstEnrolledAt, DateTimeOffset LastEnrolledAt);
