using GateController.FaceChannel;
using GateController.Vision.Camera;
using GateController.Vision.Motion;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>
/// The worker's frame loop: camera → detect → align → quality → liveness → embed → one <see cref="FaceObservation"/>
/// per frame with a face, embedded or not. Matching, throttling and deciding (liveness included) stay in the daemon.
/// Allocates nothing per frame once warm.
/// </summary>
internal sealed partial class CameraWorkerLoop(FaceAnalyzer analyzer, CameraFrameSource camera, FaceChannelWriter channel, FaceProcessSettings settings, TimeProvider time)
{
    private readonly FaceObservation _observation = new(analyzer.EmbeddingDimension);
    private readonly MotionGate _motion = new(settings.Motion, time);
    private long _framesGated;
    private long _analysingSince;
    private long _framesAnalysed;
    private long _framesWithFace;
    private long _framesRefused;
    private readonly long[] _qualityRefused = QualityRefusals.NewCounters();

    public long FramesAnalysed => Interlocked.Read(ref _framesAnalysed);

    /// <summary>The daemon's live-snapshot requests, answered with the next analysed frame.</summary>
    public LiveSnapshotRequests? Snapshots { get; init; }

    /// <summary>Runs until <paramref name="stopping"/> is cancelled (the daemon closed the channel).</summary>
    /// <returns>null when stopped, or the failure that ended the loop.</returns>
    public WorkerFailure? Run(CancellationToken stopping)
    {
        var heartbeats = new Thread(() => SendHeartbeats(stopping)) { IsBackground = true, Name = "face-worker-heartbeat" };
        heartbeats.Start();
        camera.Start();
        while (!stopping.IsCancellationRequested)
        {
            CameraFrame frame;
            try
            {
                frame = camera.NextFrame(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (InvalidOperationException exception)
            {
                // The capture thread faulted (the frame slot passes its exception on): end this worker, not the daemon.
                return new WorkerFailure(WorkerFailureKind.Camera, $"the camera capture failed: {CameraUrlCredentials.Redact(exception.Message)}");
            }

            using (frame)
            {
                if (AnalyseFrame(frame) is { } failure)
                {
                    return failure;
                }

                Snapshots?.ServeIfRequested(analyzer, frame.Image, channel);
            }
        }

        return null;
    }

    private WorkerFailure? AnalyseFrame(CameraFrame frame)
    {
        // Frames over Face:Worker:MaximumImagePixels never get here: the camera refuses them before taking memory.
        var image = frame.Image;
        var presented = time.GetTimestamp();
        if (!_motion.ShouldAnalyse(image, presented))
        {
            Interlocked.Increment(ref _framesGated);
            return null;
        }

        Volatile.Write(ref _analysingSince, presented);
        try
        {
            if (analyzer.TryAnalyzeDecidingFace(image, _observation.Embedding, out var deciding))
            {
                _observation.CapturedTimestamp = presented;
                _observation.FrameSequence = frame.Sequence;
                _observation.Face = deciding.Face;
                _observation.FacesInFrame = deciding.FacesInFrame;
                _observation.Quality = deciding.Quality;
                _observation.LivenessScore = deciding.LivenessScore;
                _observation.HasEmbedding = deciding.HasEmbedding;
                if (deciding.Quality != Vision.Quality.FaceQuality.Good)
                {
                    Interlocked.Increment(ref _qualityRefused[(int)deciding.Quality]);
                }

                _observation.SentTimestamp = time.GetTimestamp();
                channel.Write(FaceMessageType.FaceObservation, _observation.PayloadLength, _observation, static (ref PayloadWriter w, FaceObservation o) => o.WriteTo(ref w));
                Interlocked.Increment(ref _framesWithFace);
            }

            Interlocked.Increment(ref _framesAnalysed);
            return null;
        }
        catch (Exception exception) when (NativeLibraryLocation.DescribeLoadFailure(exception) is { } library)
        {
            return new WorkerFailure(WorkerFailureKind.NativeLibrary, $"a native library of the face path cannot be loaded: {library}");
        }
        catch (Exception exception) when (exception is Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            Interlocked.Increment(ref _framesRefused);
            return null;
        }
        finally
        {
            Volatile.Write(ref _analysingSince, 0);
        }
    }

    /// <summary>
    /// Beats on its own thread, but only while the frame loop is not stuck inside one frame: a hang in native code
    /// (or a stopped process) silences the beats, and the daemon replaces the worker.
    /// </summary>
    private void SendHeartbeats(CancellationToken stopping)
    {
        try
        {
            while (!stopping.WaitHandle.WaitOne(settings.HeartbeatInterval))
            {
                var since = Volatile.Read(ref _analysingSince);
                if (since != 0 && time.GetElapsedTime(since) > settings.FrameHangLimit)
                {
                    continue;
                }

                var health = camera.Health;
                new WorkerHeartbeat(
                    health.FramesCaptured,
                    health.FramesDropped,
                    Interlocked.Read(ref _framesAnalysed),
                    Interlocked.Read(ref _framesWithFace),
                    Interlocked.Read(ref _framesRefused) + health.FramesRefused,
                    (int)Math.Min(health.Reconnects, int.MaxValue),
                    health.State == CameraState.Connected,
                    health.LastFrameAt?.ToUnixTimeMilliseconds() ?? 0,
                    health.LastError ?? "",
                    Interlocked.Read(ref _framesGated),
                    QualityRefusals.Snapshot(_qualityRefused)).Send(channel);
            }
        }
        catch (IOException)
        {
            // The daemon is gone; the frame loop finds out on its next write or when standard input closes.
        }
    }
}
