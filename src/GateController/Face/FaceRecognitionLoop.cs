using GateController.Core.Access;
using GateController.Core.Health;
using GateController.Hosting;
using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using GateController.Vision.Pipeline;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// Camera → face pipeline → decision engine, on its own low-priority thread. It starts after the
/// daemon is serving, so card and PIN are up before any model is loaded, and whatever fails here
/// only shows in <c>status</c>.
/// </summary>
internal sealed class FaceRecognitionLoop(
    FacePath facePath,
    CameraSourceResolver cameraSource,
    AccessDecisionEngine engine,
    IOptionsMonitor<FaceDecisionOptions> decision,
    IOptions<FacePathOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService, ISubsystemStatusSource
{
    public const string ReaderId = "camera";

    private readonly ILogger _logger = loggerFactory.CreateLogger<FaceRecognitionLoop>();
    private volatile CameraFrameSource? _camera;
    private const string Starting = "waiting for the face models";
    private volatile string _problem = Starting;
    private long _framesAnalysed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await facePath.StartAsync(stoppingToken).ConfigureAwait(false);
        if (await facePath.Ready.ConfigureAwait(false) is not { } analyzer)
        {
            _problem = facePath.Problem;
            return;
        }

        if (facePath.Index.Count == 0)
        {
            Log.HowToEnrol(_logger);
        }

        var (cameraOptions, problem) = await cameraSource.ResolveAsync(stoppingToken).ConfigureAwait(false);
        if (cameraOptions is null)
        {
            _problem = problem;
            Log.FacePathFailed(_logger, problem);
            return;
        }

        Log.CameraSource(_logger, cameraOptions.Source);
        using var camera = new CameraFrameSource(cameraOptions, time, loggerFactory.CreateLogger<CameraFrameSource>());
        _camera = camera;
        _problem = "";
        var worker = new Thread(() => Run(camera, analyzer, stoppingToken)) { IsBackground = true, Name = "face-path" };
        worker.Start();
        await Task.Run(() => worker.Join(), CancellationToken.None).ConfigureAwait(false);
        _camera = null;
    }

    private void Run(CameraFrameSource camera, FaceAnalyzer analyzer, CancellationToken stoppingToken)
    {
        // The capture thread is created here, so it inherits the lower priority too.
        ThreadNiceness.LowerCurrentThread(ThreadNiceness.FacePath);
        camera.Start();
        var throttle = new FaceAttemptThrottle(time, options.Value.RepeatInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            CameraFrame frame;
            try
            {
                frame = camera.NextFrame(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using (frame)
            {
                var presented = time.GetTimestamp();
                AccessAttempt? attempt;
                try
                {
                    attempt = Decide(analyzer, frame.Image, throttle, decision.CurrentValue.MatchThreshold, presented);
                }
                catch (Exception exception) when (exception is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or OpenCvSharp.OpenCVException)
                {
                    Log.FrameFailed(_logger, exception.Message);
                    continue;
                }

                Interlocked.Increment(ref _framesAnalysed);
                if (attempt is not null)
                {
                    _ = engine.SubmitAsync(attempt);
                }
            }
        }
    }

    /// <summary>
    /// One frame of the loop: the attempt to submit, or null when the frame shows no face or the face was decided
    /// on too recently. Throttling reads the match before any credential is built, so those two cases (almost every
    /// frame) allocate nothing on this niced thread, and it never triggers the GC that stops card and PIN (README).
    /// </summary>
    internal static AccessAttempt? Decide(FaceAnalyzer analyzer, FaceImage image, FaceAttemptThrottle throttle, float matchThreshold, long presented)
    {
        if (analyzer.AnalyzeDecidingFace(image) is not { } face)
        {
            return null;
        }

        var match = face.MatchOrNone;
        return throttle.ShouldSubmit(match.PersonId, match.Similarity, matchThreshold)
            ? new AccessAttempt(ReaderId, face.ToCredential(), presented)
            : null;
    }

    public SubsystemStatus GetStatus()
    {
        if (_camera is not { } camera)
        {
            var state = !options.Value.Enabled ? HealthState.Disabled
                : ReferenceEquals(_problem, Starting) ? HealthState.Degraded
                : HealthState.Failed;
            return SubsystemStatus.Of("camera", state, options.Value.Enabled ? _problem : "face recognition is switched off");
        }

        var health = camera.Health;
        return SubsystemStatus.Of(
            "camera",
            health.State == CameraState.Connected ? HealthState.Healthy : HealthState.Degraded,
            health.LastError ?? health.State.ToString(),
            ("source", health.Source),
            ("connection", health.State.ToString()),
            ("framesCaptured", health.FramesCaptured),
            ("framesDropped", health.FramesDropped),
            ("framesAnalysed", Interlocked.Read(ref _framesAnalysed)),
            ("reconnects", health.Reconnects));
    }
}
