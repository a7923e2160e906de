using GateController.Access;
using GateController.Audit;
using GateController.Admin;
using GateController.Door;
using GateController.Face;
using GateController.Readers;
using GateController.Rules;
using GateController.Privacy;
using GateController.Store;
using GateController.Hosting;
using GateController.Journal;
using GateController.Watchdog;

// The face processes are this program too (ps shows "gate-controller face-worker"), started by the daemon.
if (GateController.FaceWorker.FaceProcessCommand.TryRun(args) is { } faceProcessExit)
{
    return faceProcessExit;
}

// The unit's ExecStopPost=: every relay line to its locked level, after the daemon ended however it ended.
if (RelockCommand.TryRun(args) is { } relockExit)
{
    return relockExit;
}

DaemonArguments arguments;
try
{
    arguments = DaemonArguments.Parse(args);
}
catch (DaemonStartException exception)
{
    await Console.Error.WriteLineAsync($"gate-controller: {exception.Message}");
    return ExitCodes.Usage;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(DaemonArguments.Usage);
    return ExitCodes.Success;
}

try
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddGateConfiguration(arguments);
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

    var app = builder.Build();
    app.Services.LockDoorsFirst();
    app.MapAdminApi();
    // Taken before the run: the host disposes its services when it stops.
    var backgroundServices = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
    await app.RunAsync();

    // A background service that faulted stopped the host; exiting 0 would tell systemd all was well.
    return backgroundServices.Any(s => s.ExecuteTask is { IsFaulted: true })
        ? ExitCodes.Failure
        : Environment.ExitCode;
}
catch (Exception exception) when (StartupFailure.IsConfigurationError(exception))
{
    await Console.Error.WriteLineAsync($"gate-controller: configuration error: {StartupFailure.Describe(exception)}");
    return ExitCodes.Configuration;
}
