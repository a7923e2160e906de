using GateController.Core.Events;

namespace GateController.Storage.Report;

/// <summary>
/// The data-subject report (PIPL art. 45: a person may see what is held about them): every item stored
/// about one person, with kinds, counts and dates, the consent records in full, and recent access events.
/// Biometric values are never part of it: templates appear as counts, dimensions and dates only. Cards
/// appear masked, PINs only as set or not: the whole number or the PIN would be enough to get in.
/// </summary>
public sealed record PersonReport(
    string PersonId,
    string Name,
    DateTimeOffset AddedAt,
    IReadOnlyList<DataKeyItem> DataKeys,
    IReadOnlyList<ConsentItem> FaceConsents,
    IReadOnlyList<TemplateGroup> FaceTemplates,
    IReadOnlyList<CardItem> Cards,
    IReadOnlyList<PinItem> Pins,
    long AccessEventCount,
    DateTimeOffset? LastFaceGrantAt,
    IReadOnlyList<AccessEvent> RecentAccessEvents,
    long AuditEntryCount,
    IReadOnlyList<string> Damaged,
    AccessItem Access)
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

/// <summary>
/// A card the person holds: its format and the number masked as <c>CardNumber.ToString()</c> prints it
/// (<c>H10301:13:…67</c>). <see cref="Masked"/> is null when the sealed card fails authentication
/// (listed in <see cref="PersonReport.Damaged"/>).
/// </summary>
public sealed record CardItem(long Id, string? Format, string? Masked, DateTimeOffset AddedAt);

/// <summary>The person's access groups and validity period (dates in the site's zone, inclusive), and when they were last set; null when never.</summary>
public sealed record AccessItem(IReadOnlyList<string> Groups, DateOnly? ValidFrom, DateOnly? ValidUntil, DateTimeOffset? SetAt);

/// <summary>The person's normal or duress PIN: set or not, and since when. Never the PIN or its tag.</summary>
public sealed record PinItem(string Kind, bool IsSet, DateTimeOffset? SetAt);
