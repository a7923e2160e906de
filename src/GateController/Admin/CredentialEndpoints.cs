using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Readers;
using GateController.Storage.Credentials;
using GateController.Storage.Store;

namespace GateController.Admin;

/// <summary>
/// Cards and PINs. The store announces each change and the verifiers' in-memory index follows it before
/// the call returns, so a new card opens the door at once and a removed one never again. Responses never
/// echo a card number or PIN.
/// </summary>
internal static class CredentialEndpoints
{
    public static void MapCredentialEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/persons/{id}/cards", async (string id, HttpRequest request, GateStore store) =>
        {
            var (card, problem) = await ReadCard(request).ConfigureAwait(false);
            if (card is null)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }

            var result = store.AddCard(id, card.Value);
            return Answer(result, "card added");
        });

        api.MapPost("/v1/persons/{id}/cards/remove", async (string id, HttpRequest request, GateStore store) =>
        {
            var (card, problem) = await ReadCard(request).ConfigureAwait(false);
            if (card is null)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, problem);
            }

            var result = store.RemoveCard(id, card.Value);
            return Answer(result, "card removed");
        });

        api.MapPut("/v1/persons/{id}/pin", async (string id, HttpRequest request, GateStore store) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            if (body?["pin"] is not JsonValue pinValue || !pinValue.TryGetValue<string>(out var pin))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "a PIN change needs \"pin\" (4 to 8 digits)");
            }

            var duress = body["duress"] is JsonValue flag && flag.TryGetValue<bool>(out var isDuress) && isDuress;
            var result = store.SetPin(id, pin, duress);
            return Answer(result, duress ? "duress PIN set" : "PIN set");
        });

        api.MapDelete("/v1/persons/{id}/pin", (string id, GateStore store) =>
        {
            var result = store.ClearPins(id);
            return Answer(result, "PINs cleared");
        });
    }

    private static IResult Answer(StoreResult<CredentialChange> result, string summary) => result.Succeeded
        ? ApiResults.Json(new JsonObject
        {
            ["id"] = result.Value.PersonId,
            ["detail"] = result.Value.Detail,
            ["changed"] = result.Value.RowsChanged,
            ["auditSequence"] = result.Value.AuditSequence,
            ["summary"] = result.Value.RowsChanged == 0 ? "no change (already so)" : summary,
        })
        : StoreRefusals.ToResult(result.Refusal!);

    private static async Task<(Core.Access.CardNumber? Card, string Problem)> ReadCard(HttpRequest request)
    {
        if (await ReadBody(request).ConfigureAwait(false) is not { } body)
        {
            return (null, "the request body must be a JSON object with \"card\" or \"raw\"");
        }

        int? length = body["length"] is JsonValue value && value.TryGetValue<int>(out var bits) ? bits : null;
        return CardSpecification.TryParse(Text(body["card"]), Text(body["raw"]), length, out var card, out var problem)
            ? (card, "")
            : (null, problem);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static async Task<JsonNode?> ReadBody(HttpRequest request)
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
