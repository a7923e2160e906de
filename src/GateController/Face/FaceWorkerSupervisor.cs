using GateController.Core.Health;
using GateController.FaceChannel;
using GateController.FaceWorker;
using GateController.Vision.Camera;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// Keeps the camera worker running: starts it once the models are verified and the camera resolved, restarts
/// it with exponential backoff whenever it ends, and reports its state. It runs after the daemon is serving, so
/// card and PIN are up before any model or frame is touched, and nothing in here can stop the daemon.
/// </summary>
internal sealed class FaceWorkerSupervisor(
    FacePath facePath,
    CameraSourceResolver cameraSource,
    FaceProcessLauncher launcher,
    FaceObservationHandler handler,
    IOptions<FaceWorkerOptions> options,
    IOptions<FacePathOptions> faceOptions,
    IOptions<Vision.Motion.MotionOptions> motion,
    TimeProvider time,
    ILogger<FaceWorkerSupervisor> logger) : BackgroundService, ISubsystemStatusSource
{
    private volatile FaceWorkerSession? _session;
    private volatile FaceWorkerExit? _lastExit;
    private volatile string _problem = "waiting for the face models";
    private FaceWorkerState _state = FaceWorkerState.Starting;
    private long _restarts;
    private long _nextStartAt;

    public FaceWorkerState State => _state;

    public FaceWorkerSession? Session => _session;

    public long Restarts => Interlocked.Read(ref _restarts);

    public FaceWorkerExit? LastExit => _lastExit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!faceOptions.Value.Enabled)
        {
            _state = FaceWorkerState.Disabled;
            _problem = "face recognition is switched off (Face:Enabled=false)";
            return;
        }

        await facePath.StartAsync(stoppingToken).ConfigureAwait(false);
        if (await facePath.Ready.ConfigureAwait(false) is not { } models)
        {
            Fail(facePath.Problem);
            return;
        }

        if (facePath.Index.Count == 0)
        {
            Log.HowToEnrol(logger);
        }

        var (camera, problem) = await cameraSource.ResolveAsync(stoppingToken).ConfigureAwait(false);
        if (camera is null)
        {
            Fail(problem);
            return;
        }

        Log.CameraSource(logger, CameraUrlCredentials.Redact(camera.Source));
        _problem = "";
        await SuperviseAsync(models.SettingsFor(camera, options.Value, motion.Value), stoppingToken).ConfigureAwait(false);
    }

    private async Task SuperviseAsync(FaceProcessSettings settings, CancellationToken stoppingToken)
    {
        var delay = options.Value.RestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var startedAt = time.GetTimestamp();
            FaceWorkerExit? exit;
            try
            {
                exit = await RunOnceAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Deliberately broad: whatever goes wrong supervising the face path must end in a restart, never in
                // an exception that stops the host (and card and PIN with it).
                Log.SupervisionFailed(logger, exception);
                exit = new FaceWorkerExit(FaceWorkerExitReason.Exited, $"supervision failed: {exception.Message}", time.GetUtcNow());
            }

            if (exit is null || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            _lastExit = exit;
            var restarts = Interlocked.Increment(ref _restarts);
            if (time.GetElapsedTime(startedAt) >= options.Value.StableAfter)
            {
                delay = options.Value.RestartDelay;
            }

            _state = exit.IsStartFailure ? FaceWorkerState.Failed : FaceWorkerState.Restarting;
            Interlocked.Exchange(ref _nextStartAt, time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency));
            Log.WorkerRestartScheduled(logger, delay, restarts);
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaximumRestartDelay.Ticks));
        }
    }

    private async Task<FaceWorkerExit?> RunOnceAsync(FaceProcessSettings settings, CancellationToken stoppingToken)
    {
        _state = FaceWorkerState.Starting;
        System.Diagnostics.Process process;
        try
        {
            process = launcher.Start(FaceProcessCommand.Worker);
        }
        catch (FaceProcessLaunchException exception)
        {
            Log.WorkerCannotStart(logger, 0, exception.Message);
            return new FaceWorkerExit(FaceWorkerExitReason.LaunchFailed, exception.Message, time.GetUtcNow());
        }

        using var session = new FaceWorkerSession(process, handler, facePath.Index.Dimension, facePath.EmbedderModelId, options.Value, time);
        _session = session;
        var run = session.RunAsync(settings, stoppingToken);
        if (await Task.WhenAny(run, session.HelloAccepted).ConfigureAwait(false) != run)
        {
            _state = FaceWorkerState.Running;
            Log.WorkerRunning(logger, session.ProcessId, session.Hello!.Sandbox);
        }

        var exit = await run.ConfigureAwait(false);
        _session = null;
        if (exit is not null)
        {
            LogExit(session.ProcessId, exit);
        }

        return exit;
    }

    private void LogExit(int processId, FaceWorkerExit exit)
    {
        switch (exit.Reason)
        {
            case FaceWorkerExitReason.Crashed:
                Log.WorkerCrashed(logger, processId, exit.Detail);
                break;
            case FaceWorkerExitReason.Hung or FaceWorkerExitReason.StartTimeout:
                Log.WorkerHung(logger, processId, exit.Detail);
                break;
            case FaceWorkerExitReason.MemoryCapExceeded:
                Log.WorkerOverMemoryCap(logger, processId, exit.Detail);
                break;
            case FaceWorkerExitReason.ProtocolViolation:
                Log.WorkerProtocolViolation(logger, processId, exit.Detail);
                break;
            case FaceWorkerExitReason.NativeLibraryMissing or FaceWorkerExitReason.ModelsUnavailable or FaceWorkerExitReason.LaunchFailed:
                Log.WorkerCannotStart(logger, processId, exit.Detail);
                break;
            default:
                Log.WorkerExited(logger, processId, exit.Detail);
                break;
        }
    }

    private void Fail(string problem)
    {
        _problem = problem;
        _state = FaceWorkerState.Failed;
        Log.FacePathFailed(logger, problem);
    }

    /// <summary>The next live camera frame with its faces drawn on, from the running worker, within <paramref name="timeout"/>.</summary>
    /// <exception cref="FaceWorkerUnavailableException">No worker runs, its camera gives no frames, or none came in time.</exception>
    public async Task<OverlayReply> TakeSnapshotAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_session is not { } session || _state != FaceWorkerState.Running)
        {
            throw new FaceWorkerUnavailableException(_state == FaceWorkerState.Disabled
                ? "the face path is disabled (Face:Enabled)"
                : $"the camera worker is {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(_state.ToString())}: {GetStatus().Detail}");
        }

        // Asked even while the camera is (re)connecting: a frame that comes within the timeout is the answer.
        var request = session.RequestSnapshotAsync();
        try
        {
            return await request.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            session.AbandonSnapshot(request);
            var camera = session.LastHeartbeat is { Beat.CameraConnected: false } beat
                ? $"the camera is not giving frames: {(beat.Beat.CameraProblem is { Length: > 0 } problem ? problem : "not connected")}"
                : "the camera worker sent no frame";
            throw new FaceWorkerUnavailableException($"{camera} (waited {timeout.TotalSeconds:0} s)");
        }
    }

    public SubsystemStatus GetStatus()
    {
        var state = _state;
        var session = _session;
        var exit = _lastExit;
        var health = state switch
        {
            FaceWorkerState.Disabled => HealthState.Disabled,
            FaceWorkerState.Running => HealthState.Healthy,
            FaceWorkerState.Failed => HealthState.Failed,
            _ => HealthState.Degraded,
        };
        var detail = state switch
        {
            FaceWorkerState.Running => $"face worker {session?.ProcessId} running",
            FaceWorkerState.Failed or FaceWorkerState.Restarting when exit is not null => exit.Detail,
            _ => _problem,
        };
        var facts = new List<(string, object)>
        {
            ("process", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString())),
            ("restarts", Restarts),
        };
        if (session is not null)
        {
            facts.Add(("pid", session.ProcessId));
            if (session.Hello is { } hello)
            {
                facts.Add(("sandbox", hello.Sandbox));
            }

            if (session.ResidentBytes is { } resident)
            {
                facts.Add(("residentMegabytes", Math.Round(resident / (1024.0 * 1024.0), 1)));
            }

            if (session.LastHeartbeat is { } beat)
            {
                facts.Add(("heartbeatAgeSeconds", Math.Round(beat.Age.TotalSeconds, 2)));
            }
        }

        if (exit is not null)
        {
            facts.Add(("lastExit", exit.Name));
            facts.Add(("lastExitDetail", exit.Detail));
            facts.Add(("lastExitAt", exit.At));
        }

        if (state is FaceWorkerState.Restarting or FaceWorkerState.Failed && exit is not null)
        {
            facts.Add(("nextStartInSeconds", Math.Max(0, Math.Round(time.GetElapsedTime(time.GetTimestamp(), Interlocked.Read(ref _nextStartAt)).TotalSeconds, 1))));
        }

        facts.Add(("faceObservations", handler.Observations));
        facts.Add(("faceAttempts", handler.Submitted));
        return SubsystemStatus.Of("faceWorker", health, detail, [.. facts]);
    }
}
