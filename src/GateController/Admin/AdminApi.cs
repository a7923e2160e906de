using GateController.Audit;
using GateController.Door;
using GateController.Hosting;
using GateController.Privacy;
using GateController.Watchdog;
using Microsoft.Extensions.Options;

namespace GateController.Admin;

internal static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        // Uptime counts from here, not from the first status request that would otherwise create the clock.
        _ = app.Services.GetRequiredService<DaemonClock>();
        app.UseAdminCommandAudit();
        app.MapStatusEndpoints();
        app.MapPersonEndpoints();
        app.MapPersonList();
        app.MapPersonImport();
        app.MapFaceEndpoints();
        app.MapCameraSnapshotEndpoints();
        app.MapCredentialEndpoints();
        app.MapAccessRuleEndpoints();
        app.MapSimulationEndpoints();
        app.MapDoorEndpoints();
        app.MapDoorSimulationEndpoints();
        EngineStallDrill.Map(app);
        app.MapPrivacyEndpoints();
        app.MapAuditEndpoints();
        app.Lifetime.ApplicationStarted.Register(() =>
            AdminSocket.Restrict(app.Services.GetRequiredService<IOptions<DaemonOptions>>().Value.SocketPath));
    }
}
