using GateController.Admin;
using GateController.Configuration;
using GateController.Door;
using GateController.Hosting;

// The face processes are this program too (ps shows "gate-controller face-worker"), started by the daemon.
if (GateController.FaceWorker.FaceProcessCommand.TryRun(args) is { } faceProcessExit)
{
    return faceProcessExit;
}

// gatectl eval --pad: liveness scores of an installer's photos, in a process confined like the face processes.
if (GateController.FaceWorker.LivenessScoringCommand.TryRun(args) is { } livenessScoringExit)
{
    return livenessScoringExit;
}

// What a face process can still do once confined: for technicians (and the tests) to see the sandbox hold.
if (GateController.FaceWorker.SandboxCheckCommand.TryRun(args) is { } sandboxCheckExit)
{
    return sandboxCheckExit;
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
    // Every key known and every value of its type, then every validator: before anything is created or opened.
    var builder = DaemonComposition.CreateBuilder(arguments);
    builder.CheckConfigurationFirst();
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
    foreach (var problem in StartupFailure.Describe(exception))
    {
        await Console.Error.WriteLineAsync($"gate-controller: configuration error: {problem}");
    }

    return ExitCodes.Configuration;
}
