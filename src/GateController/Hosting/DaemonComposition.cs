using GateController.Access;
using GateController.Audit;
using GateController.Configuration;
using GateController.Door;
using GateController.Face;
using GateController.Journal;
using GateController.Privacy;
using GateController.Readers;
using GateController.Rules;
using GateController.Store;
using GateController.Watchdog;

namespace GateController.Hosting;

/// <summary>
/// The daemon's capabilities, one extension each: the table of contents of the program. Shared by the daemon
/// and <c>gatectl config check</c>, so an offline check runs the very validators start-up runs.
/// </summary>
internal static class DaemonComposition
{
    /// <summary>The builder with every capability registered; nothing has read the configuration yet (see <see cref="StartupConfigurationCheck"/>).</summary>
    /// <param name="arguments">The daemon's command line.</param>
    /// <param name="environment">Whether GATE_ environment variables count (not in an offline check of a file).</param>
    public static WebApplicationBuilder CreateBuilder(DaemonArguments arguments, bool environment = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddGateConfiguration(arguments, environment);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSystemd();
        builder.Services.AddDaemon(builder.Configuration);
        builder.Services.AddAccessDecisions(builder.Configuration);
        builder.Services.AddDoorHardware();
        builder.Services.AddStore();
        builder.Services.AddAudit();
        builder.Services.AddJournal(builder.Configuration);
        builder.Services.AddReaders(builder.Configuration);
        builder.Services.AddAccessRules(builder.Configuration);
        builder.Services.AddFacePath();
        builder.Services.AddPrivacy();
        builder.Services.AddAccessPolicyGuard(builder.Configuration);
        builder.Services.AddWatchdog();
        builder.WebHost.UseAdminSocket();
        return builder;
    }
}
