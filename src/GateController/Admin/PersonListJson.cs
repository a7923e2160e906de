using System.Text.Json.Nodes;
using GateController.Core.Rules;
using GateController.Storage.Persons;

namespace GateController.Admin;

/// <summary>
/// <c>GET /v1/persons</c>: every resident, the ways in they have, validity and last access. Cards are counted, never
/// numbered; a face is a template count, never a value. The last access day is the site's (<c>Access:TimeZone</c>).
/// </summary>
internal static class PersonListJson
{
    public static void MapPersonList(this IEndpointRouteBuilder api) =>
        api.MapGet("/v1/persons", (Storage.Store.GateStore store, SiteClock site) =>
            ApiResults.Json(new JsonObject { ["persons"] = new JsonArray([.. store.ListPersonDirectory().Select(p => (JsonNode)From(p, site.Zone))]) }));

    public static JsonObject From(PersonListing person, TimeZoneInfo zone) => new()
    {
        ["id"] = person.Id,
        ["name"] = person.Name,
        ["addedAt"] = person.AddedAt,
        ["methods"] = new JsonArray([.. Methods(person).Select(m => (JsonNode)m)]),
        ["faceTemplates"] = person.FaceTemplates,
        ["cards"] = person.Cards,
        ["pin"] = person.HasPin,
        ["duressPin"] = person.HasDuressPin,
        ["groups"] = new JsonArray([.. person.Groups.Select(g => (JsonNode)g)]),
        ["validFrom"] = person.ValidFrom is { } from ? PersonValidity.Text(from) : null,
        ["validUntil"] = person.ValidUntil is { } until ? PersonValidity.Text(until) : null,
        ["lastGrantedAt"] = person.LastGrantedAt,
        ["lastAccessDay"] = person.LastGrantedAt is { } last
            ? PersonValidity.Text(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, zone).DateTime))
            : null,
    };

    private static IEnumerable<string> Methods(PersonListing person)
    {
        if (person.FaceTemplates > 0)
        {
            yield return "face";
        }

        if (person.Cards > 0)
        {
            yield return "card";
        }

        if (person.HasPin)
        {
            yield return "pin";
        }
    }
}
