using System.Text.Json.Nodes;
using GateController.Core.Access;
using GateController.Core.Rules;
using GateController.Readers;
using GateController.Storage.Persons;
using GateController.Storage.Store;

namespace GateController.Admin;

/// <summary>
/// <c>GET /v1/persons/export</c> (the same columns, cards in full, audited) and <c>POST /v1/persons/import</c> (<c>gatectl person import</c>): <c>{ "dryRun": bool, "rows": [ { "row", "id", "name",
/// "cards": [FORMAT:FACILITY:NUMBER…], "groups": […], "validFrom", "validUntil" } ] }</c>. Every row is checked, then
/// all are added in one transaction, or none; the answer lists each problem with its row and column. There is no
/// PIN and no face in it: those are taken in person.
/// </summary>
internal static class PersonImportEndpoints
{
    /// <summary>How a card is written in an import or export file: <c>FORMAT:FACILITY:NUMBER</c>, or <c>raw:HEX:BITS</c> for a raw frame.</summary>
    public static string CardText(CardNumber card) => card.Format == CardNumber.RawFormat
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RawPrefix}{card.RawBits:X}:{card.BitCount}")
        : card.Facility is { } facility
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{card.Format}:{facility}:{card.Number}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{card.Format}:{card.Number}");

    private const string RawPrefix = "raw:";

    public static void MapPersonImport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/persons/export", (GateStore store) => ApiResults.Json(new JsonObject
        {
            ["persons"] = new JsonArray([.. store.ExportPersons().Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["cards"] = new JsonArray([.. p.Cards.Select(c => (JsonNode)CardText(c))]),
                ["groups"] = new JsonArray([.. p.Groups.Select(g => (JsonNode)g)]),
                ["validFrom"] = p.ValidFrom is { } from ? PersonValidity.Text(from) : null,
                ["validUntil"] = p.ValidUntil is { } until ? PersonValidity.Text(until) : null,
            })]),
        }));
        api.MapPost("/v1/persons/import", async (HttpRequest request, GateStore store) =>
        {
            var (body, error) = await JsonBody.ReadAsync(request).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            if (body?["rows"] is not JsonArray items)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "an import needs \"rows\"");
            }

            var problems = new List<PersonImportProblem>();
            var rows = items.Select(item => Row(item!, problems)).ToList();
            var dryRun = body["dryRun"]?.GetValue<bool>() ?? false;
            var result = store.ImportPersons(rows, dryRun || problems.Count > 0);
            List<PersonImportProblem> all = [.. problems.Concat(result.Problems).OrderBy(p => p.Row)];
            return ApiResults.Json(new JsonObject
            {
                ["applied"] = all.Count == 0 && result.Applied,
                ["dryRun"] = dryRun,
                ["persons"] = result.Persons,
                ["cards"] = result.Cards,
                ["accessRecords"] = result.AccessRecords,
                ["auditSequence"] = result.AuditSequence,
                ["problems"] = new JsonArray([.. all.Select(p => (JsonNode)new JsonObject { ["row"] = p.Row, ["column"] = p.Column, ["message"] = p.Message })]),
            });
        });
    }

    private static PersonImportRow Row(JsonNode item, List<PersonImportProblem> problems)
    {
        var row = item["row"]?.GetValue<int>() ?? 0;
        var cards = new List<CardNumber>();
        foreach (var text in Texts(item["cards"]))
        {
            if (ParseCard(text, out var card, out var problem))
            {
                cards.Add(card);
            }
            else
            {
                problems.Add(new PersonImportProblem(row, "cards", problem));
            }
        }

        return new PersonImportRow(
            row, Text(item["id"]), Text(item["name"]), cards, Texts(item["groups"]),
            Date(item["validFrom"], row, "valid_from", problems), Date(item["validUntil"], row, "valid_until", problems));
    }

    private static bool ParseCard(string text, out CardNumber card, out string problem)
    {
        if (!text.StartsWith(RawPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return CardSpecification.TryParse(text, null, null, out card, out problem);
        }

        var parts = text[RawPrefix.Length..].Split(':');
        int? bits = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
        return CardSpecification.TryParse(null, parts[0], bits, out card, out problem);
    }

    private static DateOnly? Date(JsonNode? node, int row, string column, List<PersonImportProblem> problems)
    {
        if (Text(node) is not { Length: > 0 } text)
        {
            return null;
        }

        if (PersonValidity.TryParseDate(text, out var date))
        {
            return date;
        }

        problems.Add(new PersonImportProblem(row, column, $"'{text}' is not a date; expected yyyy-MM-dd"));
        return null;
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static List<string> Texts(JsonNode? node) => node is JsonArray array ? [.. array.Select(Text).Where(t => t.Length > 0)] : [];
}
