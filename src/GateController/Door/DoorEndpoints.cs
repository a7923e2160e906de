using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Core.Door;

namespace GateController.Door;

/// <summary>
/// <c>gatectl door status|open|lock|hold</c>. Each command is an admin command (audited by route) and a door
/// event naming the operator (stored, audited and journaled like a decision).
/// </summary>
internal static class DoorEndpoints
{
    /// <summary>A hold-open is for a moving day or an event, not a way to leave the gate open for good.</summary>
    public static readonly TimeSpan MaximumHold = TimeSpan.FromHours(24);

    public static void MapDoorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/doors", (DoorHardware hardware) => ApiResults.Json(new JsonObject
        {
            ["doors"] = new JsonArray([.. hardware.Doors.Doors.Select(d => (JsonNode)Json(d.State, hardware))]),
        }));

        api.MapPost("/v1/doors/{door:int}/open", async (int door, HttpRequest request, DoorHardware hardware) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            return WithDoor(hardware, door, controller => controller.ManualOpen(Operator(body))
                ? Answer(controller, hardware, $"door {door} unlocked for {controller.State.Pulses} pulse(s) so far")
                : ApiResults.Error(StatusCodes.Status503ServiceUnavailable, $"door {door}: the relay write failed ({controller.State.RelayFault}); the door stays locked"));
        });

        api.MapPost("/v1/doors/{door:int}/lock", async (int door, HttpRequest request, DoorHardware hardware) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            return WithDoor(hardware, door, controller =>
            {
                controller.ManualLock(Operator(body));
                return Answer(controller, hardware, controller.State.Fire ? $"door {door}: the fire alarm keeps it unlocked" : $"door {door} locked");
            });
        });

        api.MapPost("/v1/doors/{door:int}/hold", async (int door, HttpRequest request, DoorHardware hardware, TimeProvider time) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            var text = Text(body?["until"]);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"until '{text}' is not a time; give an ISO 8601 time such as 2026-12-02T18:00:00+08:00");
            }

            var now = time.GetUtcNow();
            if (until <= now || until - now > MaximumHold)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest,
                    $"until {until:O} must be in the future and at most {MaximumHold.TotalHours:F0} h ahead (now {now:O})");
            }

            return WithDoor(hardware, door, controller => controller.HoldOpen(until, Operator(body))
                ? Answer(controller, hardware, $"door {door} held open until {until:O}")
                : ApiResults.Error(StatusCodes.Status400BadRequest, $"until {until:O} is not in the future"));
        });
    }

    public static JsonObject Json(DoorState state, DoorHardware hardware)
    {
        var json = new JsonObject { ["door"] = state.Door };
        foreach (var (key, value) in DoorStatus.Facts(state, hardware.Configured.Single(c => c.Number == state.Door)))
        {
            json[key] = value switch
            {
                bool flag => flag,
                int number => number,
                long number => number,
                DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return json;
    }

    internal static IResult WithDoor(DoorHardware hardware, int door, Func<DoorController, IResult> action) =>
        hardware.Doors.TryGet(door, out var controller)
            ? action(controller)
            : ApiResults.Error(StatusCodes.Status404NotFound,
                $"door {door} is not configured; doors: {string.Join(", ", hardware.Doors.Doors.Select(d => d.Number))}");

    private static IResult Answer(DoorController controller, DoorHardware hardware, string summary) =>
        ApiResults.Json(new JsonObject { ["summary"] = summary, ["door"] = Json(controller.State, hardware) });

    private static string Operator(JsonNode? body) => Text(body?["operator"]) is { Length: > 0 and <= 64 } name ? name : "unknown";

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static async Task<JsonNode?> ReadBody(HttpRequest request)
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
