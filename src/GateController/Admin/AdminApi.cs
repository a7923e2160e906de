using GateController.Hosting;
using GateController.Privacy;
using Microsoft.Extensions.Options;

namespace GateController.Admin;

internal static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        app.MapStatusEndpoints();
        app.MapPersonEndpoints();
        app.MapFaceEndpoints();
        app.MapCredentialEndpoints();
        app.MapSimulationEndpoints();
        app.MapPrivacyEndpoints();
        app.Lifetime.ApplicationStarted.Register(() =>
            AdminSocket.Restrict(app.Services.GetRequiredService<IOptions<DaemonOptions>>().Value.SocketPath));
    }
}
