using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Core.Access;
using GateController.Door;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Watchdog;

/// <summary>
/// <c>gatectl sim engine stall|resume</c>: hangs the decision engine's thread of a simulating daemon, as a stuck
/// verifier would, so an installer (and a test) can watch the watchdog pings stop and systemd restart the daemon.
/// Refused on real GPIO, where it would only stop the gate.
/// </summary>
internal sealed class EngineStallDrill(AccessDecisionEngine engine)
{
    private readonly Lock _gate = new();
    private IDisposable? _stall;

    public bool Stalled
    {
        get
        {
            lock (_gate)
            {
                return _stall is not null;
            }
        }
    }

    public void Stall()
    {
        lock (_gate)
        {
            _stall ??= engine.Stall();
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            _stall?.Dispose();
            _stall = null;
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/v1/sim/engine", async (HttpRequest request, IOptions<DaemonOptions> daemon, EngineStallDrill drill) =>
        {
            if (!daemon.Value.Simulate)
            {
                return ApiResults.Error(StatusCodes.Status409Conflict,
                    "sim engine stalls the decision engine of a simulating daemon only; this one drives real doors");
            }

            var state = DoorEndpoints.Text((await DoorEndpoints.ReadBody(request).ConfigureAwait(false))?["state"]);
            switch (state)
            {
                case "stall":
                    drill.Stall();
                    break;
                case "resume":
                    drill.Resume();
                    break;
                default:
                    return ApiResults.Error(StatusCodes.Status400BadRequest, $"state '{state}' is not stall or resume");
            }

            return ApiResults.Json(new JsonObject
            {
                ["summary"] = drill.Stalled
                    ? "decision engine stalled: cards, PINs and faces wait, and the watchdog pings stop"
                    : "decision engine running",
            });
        });
}
