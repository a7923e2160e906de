using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Events;
using GateController.Hardware.Wiegand;
using GateController.Hosting;
using GateController.Readers;
using Microsoft.Extensions.Options;

namespace GateController.Admin;

/// <summary>
/// <c>/v1/sim/*</c>: drive the simulated readers and keypads. Refused unless the daemon runs with
/// <c>--simulate</c>: on a real gate these lines belong to real readers, and an API that could fake a
/// card would be a way in.
/// </summary>
internal static class SimulationEndpoints
{
    public static void MapSimulationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/sim/card", async (HttpRequest request, IOptions<DaemonOptions> daemon, IServiceProvider services) =>
        {
            if (Refusal(daemon.Value) is { } refused)
            {
                return refused;
            }

            var body = await ReadBody(request).ConfigureAwait(false);
            var card = Text(body?["card"]);
            var bits = Text(body?["bits"]);
            WiegandFrame frame;
            try
            {
                frame = (card, bits) switch
                {
                    (not null, null) => WiegandEncoder.Encode(card),
                    (null, not null) => WiegandFrame.FromBitString(bits),
                    _ => throw new FormatException("give either a card (FORMAT:FACILITY:NUMBER) or --bits 0101…, not both or neither"),
                };
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, exception.Message);
            }

            var input = services.GetRequiredService<SimulatedInput>();
            if (!input.TryFindReader(Text(body?["reader"]), forKeys: false, out var reader, out var problem))
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, problem);
            }

            var decision = await input.SendCardAsync(reader, frame, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Answer(reader.Wiegand.Id, frame.BitCount, decision, "no decision: the frame was not a card (see the daemon log)");
        });

        api.MapPost("/v1/sim/keys", async (HttpRequest request, IOptions<DaemonOptions> daemon, IServiceProvider services) =>
        {
            if (Refusal(daemon.Value) is { } refused)
            {
                return refused;
            }

            var body = await ReadBody(request).ConfigureAwait(false);
            var keys = Text(body?["keys"]);
            if (string.IsNullOrEmpty(keys) || keys.Any(k => k is not ((>= '0' and <= '9') or '*' or '#')))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "keys are the digits 0-9, '*' (clear) and '#' (enter), e.g. 2580#");
            }

            var input = services.GetRequiredService<SimulatedInput>();
            if (!input.TryFindReader(Text(body?["keypad"]), forKeys: true, out var keypad, out var problem))
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, problem);
            }

            var decision = await input.SendKeysAsync(keypad, keys, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Answer(keypad.KeypadId, keys.Length, decision, keys.Contains('#', StringComparison.Ordinal)
                ? "no decision: the entry was too short, too long or timed out"
                : "keys sent; no '#', so no PIN was submitted");
        });
    }

    private static IResult? Refusal(DaemonOptions daemon) => daemon.Simulate
        ? null
        : ApiResults.Error(StatusCodes.Status409Conflict,
            "sim commands drive the simulated GPIO lines; this daemon runs on real hardware (start it with --simulate to use them)");

    private static IResult Answer(string reader, int sent, AccessEvent? decision, string noDecision) => ApiResults.Json(new JsonObject
    {
        ["reader"] = reader,
        ["sent"] = sent,
        ["decision"] = decision is null ? null : AccessEventJson.From(decision),
        ["summary"] = decision is null
            ? noDecision
            : $"{AccessEventJson.Name(decision.Result)} ({decision.Reason}){(decision.Person is { } person ? $" for {person}" : "")}",
    });

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
