using GateController.FaceChannel;
using GateController.Vision.Camera;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>
/// <c>gate-controller face-worker</c> (the camera worker) and <c>gate-controller face-analysis</c> (one admin
/// request's uploaded images): the face path in a process of its own, started and supervised by the daemon.
/// Whatever crashes, hangs or leaks in here ends this process only; card and PIN live in the daemon.
/// </summary>
internal static class FaceProcessCommand
{
    public const string Worker = "face-worker";
    public const string Analysis = "face-analysis";

    /// <returns>The exit code when <paramref name="args"/> name a face process, else null.</returns>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] is not (Worker or Analysis))
        {
            return null;
        }

        var (fromDaemon, toDaemon) = ChannelStreams.TakeOver();
        var sandbox = ProcessSandbox.Apply();
        var reader = new FaceChannelReader(fromDaemon, AnalysisRequest.MaximumPayloadBytes);
        var writer = new FaceChannelWriter(toDaemon);
        try
        {
            if (reader.Read() != FaceMessageType.Settings)
            {
                return FaceProcessExitCodes.ProtocolViolation;
            }

            var settings = FaceProcessSettings.Parse(reader.Payload);
            sandbox = $"{sandbox} {LandlockConfinement.Apply(NetworkCameraPort(settings.Camera?.Source))}";
            if (FaceModelsOpener.TryOpen(settings, out var failure) is not { } analyzer)
            {
                Console.Error.WriteLine($"{args[0]}: {failure!.Message}");
                failure.Send(writer);
                return FaceProcessExitCodes.CannotWork;
            }

            using (analyzer)
            {
                var models = Vision.Models.ModelCatalog.LoadEmbedded();
                new WorkerHello(
                    Environment.ProcessId,
                    analyzer.EmbeddingDimension,
                    models.GetModel(settings.Detector).Sha256,
                    models.GetModel(settings.Embedder).Sha256,
                    sandbox).Send(writer);
                return args[0] == Worker
                    ? RunCameraWorker(analyzer, settings, reader, writer)
                    : FaceAnalysisServer.Serve(analyzer, settings, reader, writer);
            }
        }
        catch (FaceChannelViolationException exception)
        {
            Console.Error.WriteLine($"{args[0]}: {exception.Message}");
            return FaceProcessExitCodes.ProtocolViolation;
        }
        catch (IOException)
        {
            // The daemon closed the channel: nothing to report to.
            return FaceProcessExitCodes.Stopped;
        }
    }

    /// <summary>The TCP port of a network camera (an RTSP or HTTP stream), which alone the worker may connect to.</summary>
    internal static int? NetworkCameraPort(string? source)
    {
        if (source is null || !Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("rtsp" or "rtsps" or "http" or "https" or "rtmp"))
        {
            return null;
        }

        return uri.Port > 0 ? uri.Port : uri.Scheme switch { "rtsp" => 554, "rtsps" => 322, "http" => 80, "https" => 443, _ => 1935 };
    }

    private static int RunCameraWorker(FaceAnalyzer analyzer, FaceProcessSettings settings, FaceChannelReader reader, FaceChannelWriter writer)
    {
        if (settings.Camera is not { } cameraOptions)
        {
            new WorkerFailure(WorkerFailureKind.Settings, "the worker's settings name no camera").Send(writer);
            return FaceProcessExitCodes.CannotWork;
        }

        using var stopping = new CancellationTokenSource();
        var snapshots = new LiveSnapshotRequests();
        var watcher = new Thread(() => ReadDaemonRequests(reader, snapshots, stopping)) { IsBackground = true, Name = "face-worker-channel" };
        watcher.Start();
        using var logging = WorkerLogging.Create();
        using var camera = new CameraFrameSource(cameraOptions, FaceImageLimits.For(settings), TimeProvider.System, logging.CreateLogger<CameraFrameSource>());
        var failure = new CameraWorkerLoop(analyzer, camera, writer, settings, TimeProvider.System) { Snapshots = snapshots }.Run(stopping.Token);
        if (failure is null)
        {
            return FaceProcessExitCodes.Stopped;
        }

        Console.Error.WriteLine($"{FaceProcessCommand.Worker}: {failure.Message}");
        failure.Send(writer);
        return FaceProcessExitCodes.CannotWork;
    }

    /// <summary>After the settings the daemon sends only snapshot requests; the channel closing (or anything else) means stop.</summary>
    private static void ReadDaemonRequests(FaceChannelReader reader, LiveSnapshotRequests snapshots, CancellationTokenSource stopping)
    {
        try
        {
            while (reader.Read() == FaceMessageType.SnapshotRequest)
            {
                snapshots.Request();
            }
        }
        catch (Exception exception) when (exception is FaceChannelViolationException or IOException)
        {
            // Either way the worker stops.
        }

        stopping.Cancel();
    }
}
