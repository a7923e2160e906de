using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Rules;
using GateController.Storage.AccessRules;
using GateController.Storage.Store;

namespace GateController.Admin;

/// <summary>
/// Access groups and each person's groups and validity. The store announces every change and the rule set the
/// decision thread reads follows it before the answer goes out. Validity dates are only ever sent back to the
/// data-subject report and <c>person set</c>, never logged.
/// </summary>
internal static class AccessRuleEndpoints
{
    public static void MapAccessRuleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/groups", async (HttpRequest request, GateStore store) =>
        {
            if (await ReadObject(request).ConfigureAwait(false) is not { } body)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "the request body must be a JSON object with \"name\" and \"windows\"");
            }

            if (!TryTexts(body, "windows", out var windows, out var problem) || !TryTexts(body, "holidays", out var holidays, out problem)
                || !TryTexts(body, "holidayWindows", out var holidayWindows, out problem) || !TryDoors(body, out var doors, out problem))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }

            if (!AccessGroupText.TryCreate(Text(body["name"]), windows, holidays, holidayWindows, doors, out var group, out problem))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }

            var change = store.SaveGroup(group).Value!;
            return ApiResults.Json(
                new JsonObject { ["name"] = group.Name, ["created"] = change.Created, ["detail"] = change.Detail, ["auditSequence"] = change.AuditSequence },
                change.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        api.MapGet("/v1/groups", (StoredAccessRules rules) =>
            ApiResults.Json(new JsonObject { ["groups"] = new JsonArray([.. rules.Current.Groups.OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => GroupJson(g, rules.Current))]) }));

        api.MapGet("/v1/groups/{name}", (string name, StoredAccessRules rules) => rules.Current.TryGetGroup(name, out var group)
            ? ApiResults.Json(GroupJson(group!, rules.Current))
            : ApiResults.Error(StatusCodes.Status404NotFound, $"Access group '{name}' does not exist."));

        api.MapDelete("/v1/groups/{name}", (string name, GateStore store) =>
        {
            var result = store.RemoveGroup(name);
            return result.Succeeded
                ? ApiResults.Json(new JsonObject { ["name"] = name, ["auditSequence"] = result.Value.AuditSequence })
                : StoreRefusals.ToResult(result.Refusal!);
        });

        api.MapPatch("/v1/persons/{id}/access", async (string id, HttpRequest request, GateStore store) =>
        {
            if (await ReadObject(request).ConfigureAwait(false) is not { } body)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "the request body must be a JSON object with \"groups\", \"validFrom\" and/or \"validUntil\"");
            }

            if (!TryUpdate(body, out var update, out var problem))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }

            var result = store.SetPersonAccess(id, update);
            return result.Succeeded ? ApiResults.Json(AccessJson(id, store.ReadPersonAccess(id), result.Value.AuditSequence)) : StoreRefusals.ToResult(result.Refusal!);
        });
    }

    private static bool TryUpdate(JsonObject body, out PersonAccessUpdate update, out string problem)
    {
        update = new PersonAccessUpdate();
        problem = "";
        if (body.ContainsKey("groups"))
        {
            if (!TryTexts(body, "groups", out var groups, out problem))
            {
                return false;
            }

            update = update with { Groups = groups };
        }

        foreach (var key in new[] { "validFrom", "validUntil" })
        {
            if (!body.ContainsKey(key))
            {
                continue;
            }

            DateOnly? date = null;
            if (body[key] is not null)
            {
                if (!PersonValidity.TryParseDate(Text(body[key]), out var parsed))
                {
                    problem = $"{key} '{body[key]}' is not a date; expected yyyy-MM-dd, e.g. 2026-06-30, or null for none";
                    return false;
                }

                date = parsed;
            }

            update = key == "validFrom" ? update with { ChangesValidFrom = true, ValidFrom = date } : update with { ChangesValidUntil = true, ValidUntil = date };
        }

        return true;
    }

    internal static JsonObject AccessJson(string personId, PersonAccess access, long? auditSequence) => new()
    {
        ["id"] = personId,
        ["groups"] = new JsonArray([.. access.Groups.Select(g => (JsonNode)g)]),
        ["validFrom"] = access.Validity.From is { } from ? PersonValidity.Text(from) : null,
        ["validUntil"] = access.Validity.Until is { } until ? PersonValidity.Text(until) : null,
        ["auditSequence"] = auditSequence,
    };

    private static JsonObject GroupJson(AccessGroup group, AccessRuleSet set) => new()
    {
        ["name"] = group.Name,
        ["windows"] = Array(AccessGroupText.Windows(group.Windows)),
        ["holidays"] = Array(AccessGroupText.Dates(group.Holidays)),
        ["holidayWindows"] = Array(AccessGroupText.Windows(group.HolidayWindows)),
        ["doors"] = new JsonArray([.. group.Doors.Select(d => (JsonNode)d)]),
        ["members"] = set.CountMembers(group.Name),
    };

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static bool TryTexts(JsonObject body, string key, out List<string> texts, out string problem)
    {
        texts = [];
        problem = "";
        if (body[key] is null)
        {
            return true;
        }

        if (body[key] is not JsonArray array || array.Any(i => Text(i) is null))
        {
            problem = $"\"{key}\" must be an array of strings";
            return false;
        }

        texts = [.. array.Select(i => Text(i)!)];
        return true;
    }

    private static bool TryDoors(JsonObject body, out List<int> doors, out string problem)
    {
        doors = [];
        problem = "";
        if (body["doors"] is null)
        {
            return true;
        }

        if (body["doors"] is not JsonArray array || array.Any(i => i is not JsonValue v || !v.TryGetValue<int>(out _)))
        {
            problem = "\"doors\" must be an array of door numbers";
            return false;
        }

        doors = [.. array.Select(i => i!.GetValue<int>())];
        return true;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static async Task<JsonObject?> ReadObject(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
