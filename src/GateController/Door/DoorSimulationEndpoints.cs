using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Core.Door;
using GateController.Hardware.Gpio;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Door;

/// <summary>
/// <c>gatectl sim input contact|exit|fire|tamper on|off [--door N]</c>, <c>gatectl sim follow on|off</c> and
/// the relay line's history: play the physical door of a simulating daemon. Refused on real GPIO.
/// </summary>
internal static class DoorSimulationEndpoints
{
    public static void MapDoorSimulationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/sim/input", async (HttpRequest request, IOptions<DaemonOptions> daemon, DoorHardware hardware, TimeProvider time) =>
        {
            if (!daemon.Value.Simulate)
            {
                return NotSimulating();
            }

            var body = await DoorEndpoints.ReadBody(request).ConfigureAwait(false);
            var name = DoorEndpoints.Text(body?["input"]);
            if (!Enum.TryParse<DoorInput>(name, ignoreCase: true, out var input) || !Enum.IsDefined(input) || int.TryParse(name, out _))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"input '{name}' is not one of contact, exit, fire, tamper");
            }

            var state = DoorEndpoints.Text(body?["state"]);
            if (state is not ("on" or "off"))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"state '{state}' is not on or off");
            }

            var door = body?["door"]?.GetValue<int>() ?? 1;
            if (!hardware.TryGetSimulated(door, out var simulated))
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, $"door {door} is not configured");
            }

            if (!simulated.HasInput(input))
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, $"door {door} has no {name} input configured");
            }

            simulated.Set(input, state == "on");
            // Answer with the state after the debounce, as a real switch held that long would leave it.
            var debounce = hardware.Configured.Single(c => c.Number == door).Inputs[input].DebounceDuration;
            await Task.Delay(debounce + TimeSpan.FromMilliseconds(30), time, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return DoorEndpoints.WithDoor(hardware, door, controller => ApiResults.Json(new JsonObject
            {
                ["summary"] = $"door {door} {input.ToString().ToLowerInvariant()} {state}",
                ["door"] = DoorEndpoints.Json(controller.State, hardware),
            }));
        });

        api.MapPost("/v1/sim/follow", async (HttpRequest request, IOptions<DaemonOptions> daemon, DoorHardware hardware) =>
        {
            if (!daemon.Value.Simulate)
            {
                return NotSimulating();
            }

            var body = await DoorEndpoints.ReadBody(request).ConfigureAwait(false);
            var door = body?["door"]?.GetValue<int>() ?? 1;
            if (!hardware.TryGetSimulated(door, out var simulated))
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, $"door {door} is not configured");
            }

            simulated.FollowRelay = body?["follow"]?.GetValue<bool>() ?? true;
            return ApiResults.Json(new JsonObject
            {
                ["summary"] = simulated.FollowRelay
                    ? $"door {door}: someone walks through each time the lock releases"
                    : $"door {door}: nobody opens the door by themselves now (use sim input contact on|off)",
            });
        });

        // The GPIO chip going away (a loose ribbon, an unbound driver) and coming back: every line read and write fails meanwhile.
        api.MapPost("/v1/sim/chip", async (HttpRequest request, IOptions<DaemonOptions> daemon, SimulatedGpioDriver driver) =>
        {
            if (!daemon.Value.Simulate)
            {
                return NotSimulating();
            }

            var body = await DoorEndpoints.ReadBody(request).ConfigureAwait(false);
            var state = DoorEndpoints.Text(body?["state"]);
            if (state is not ("lost" or "back"))
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"state '{state}' is not lost or back");
            }

            driver.ChipLost = state == "lost";
            return ApiResults.Json(new JsonObject { ["summary"] = $"simulated GPIO chip {state}" });
        });

        // Every write to each relay line since the process started, so a test can show no unlock came before a grant.
        api.MapGet("/v1/sim/relay-writes", (IOptions<DaemonOptions> daemon, DoorHardware hardware, SimulatedGpioDriver driver, TimeProvider time) =>
        {
            if (!daemon.Value.Simulate)
            {
                return NotSimulating();
            }

            var doors = new JsonArray();
            foreach (var door in hardware.Configured)
            {
                var writes = driver.Writes.Where(w => w.Pin == door.Relay.Pin)
                    .Select(w => (JsonNode)(w.Value == door.Relay.UnlockedLevel ? "unlocked" : "locked"));
                doors.Add(new JsonObject { ["door"] = door.Number, ["pin"] = door.Relay.Pin, ["writes"] = new JsonArray([.. writes]) });
            }

            return ApiResults.Json(new JsonObject { ["doors"] = doors });
        });
    }

    private static IResult NotSimulating() => ApiResults.Error(StatusCodes.Status409Conflict,
        "sim commands drive the simulated GPIO lines; this daemon runs on real hardware (start it with --simulate to use them)");
}
