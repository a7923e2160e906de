using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Storage.Report;

namespace GateController.Privacy;

/// <summary>The data-subject report on the wire. Built field by field, so no biometric value can slip in by serialising a type.</summary>
internal static class PersonReportJson
{
    public static JsonObject From(PersonReport report) => new()
    {
        ["id"] = report.PersonId,
        ["name"] = report.Name,
        ["addedAt"] = Time(report.AddedAt),
        ["dataKeys"] = Array(report.DataKeys, key => new JsonObject { ["purpose"] = key.Purpose, ["createdAt"] = Time(key.CreatedAt) }),
        ["faceConsents"] = Array(report.FaceConsents, consent => new JsonObject
        {
            ["id"] = consent.Id,
            ["consentedBy"] = consent.ConsentedBy,
            ["consentedAt"] = Time(consent.ConsentedAt),
            ["method"] = consent.Method,
            ["operator"] = consent.Operator,
            ["recordedAt"] = Time(consent.RecordedAt),
            ["faceTemplates"] = consent.TemplateCount,
        }),
        ["faceTemplates"] = Array(report.FaceTemplates, group => new JsonObject
        {
            ["model"] = group.ModelId,
            ["dimensions"] = group.Dimensions,
            ["count"] = group.Count,
            ["firstEnrolledAt"] = Time(group.FirstEnrolledAt),
            ["lastEnrolledAt"] = Time(group.LastEnrolledAt),
        }),
        // Masked as CardNumber.ToString() prints it; the whole number never leaves the store.
        ["cards"] = Array(report.Cards, card => new JsonObject
        {
            ["id"] = card.Id,
            ["format"] = card.Format,
            ["masked"] = card.Masked,
            ["addedAt"] = Time(card.AddedAt),
        }),
        // Set or not, and when; never the PIN or its tag.
        ["pins"] = Array(report.Pins, pin => new JsonObject
        {
            ["kind"] = pin.Kind,
            ["set"] = pin.IsSet,
            ["setAt"] = pin.SetAt is { } setAt ? Time(setAt) : null,
        }),
        ["accessEvents"] = report.AccessEventCount,
        ["lastFaceGrantAt"] = report.LastFaceGrantAt is { } last ? Time(last) : null,
        ["recentAccessEvents"] = Array(report.RecentAccessEvents, AccessEventJson.From),
        ["auditEntries"] = report.AuditEntryCount,
        ["damaged"] = Array(report.Damaged, problem => JsonValue.Create(problem)),
        ["access"] = new JsonObject
        {
            ["groups"] = Array(report.Access.Groups, group => JsonValue.Create(group)),
            ["validFrom"] = report.Access.ValidFrom is { } from ? Core.Rules.PersonValidity.Text(from) : null,
            ["validUntil"] = report.Access.ValidUntil is { } until ? Core.Rules.PersonValidity.Text(until) : null,
            ["setAt"] = report.Access.SetAt is { } setAt ? Time(setAt) : null,
        },
    };

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map) => new([.. items.Select(map)]);
}
