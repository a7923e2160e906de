using System.Device.Gpio;
using System.Diagnostics;
using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.FaceTracking;
using GateController.Face;
using GateController.FaceChannel;
using GateController.FaceWorker;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GateController.Benchmarks.Latency;

/// <summary>
/// The face path flat out in its own processes, as the daemon runs it: N real <c>gate-controller face-worker</c>
/// processes (started niced by the daemon's own launcher) on a folder of photos at no frame-rate limit. The first
/// worker's observations go through the daemon's real handler (match → track → a decision when the track decides), so
/// the hop from the worker's send to the handled frame is measured on the same shared monotonic clock.
/// </summary>
internal sealed class FaceProcessLoad : IDisposable
{
    private readonly List<Process> _workers = [];
    private readonly List<Thread> _readers = [];
    private readonly int _dimension;
    private readonly List<double> _hopsMs = [];
    private readonly List<double> _endToEndMs = [];
    private readonly Lock _gate = new();
    private readonly GpioController _gpio = new(new SimulatedGpioDriver(TimeProvider.System));
    private readonly DoorSet _doors;
    private readonly AccessDecisionEngine _engine;
    private readonly FaceObservationHandler _handler;
    private long _frames;
    private volatile bool _measuring;

    private FaceProcessLoad(int dimension)
    {
        _dimension = dimension;
        var events = new AccessEventPublisher([]);
        _doors = new DoorSet(
            [new DoorController(1, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 27 }, NullLogger<GpioRelayOutput>.Instance), events, TimeProvider.System, NullLogger.Instance)],
            new Dictionary<string, int>());
        var decisions = new FixedOptionsMonitor<FaceDecisionOptions>(new FaceDecisionOptions());
        var tracking = new FaceTrackingOptions();
        _engine = new AccessDecisionEngine([new FaceMatchVerifier(decisions, new FixedOptionsMonitor<FaceTrackingOptions>(tracking))], _doors, events, TimeProvider.System, NullLogger<AccessDecisionEngine>.Instance);
        var index = new TemplateIndex(dimension);
        var template = new float[dimension];
        template[0] = 1;
        index.Add("benchmark", template);
        _handler = new FaceObservationHandler(index, _engine, decisions, Options.Create(tracking), Options.Create(new FaceLivenessOptions { Required = false }),
            new FaceRefusals(), _doors, TimeProvider.System, NullLogger<FaceObservationHandler>.Instance);
    }

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>SIGSTOP (false) or SIGCONT (true) every worker, so a benchmark can interleave other work on a quiet CPU.</summary>
    public void SetRunning(bool running)
    {
        foreach (var worker in _workers)
        {
            _ = Signal(worker.Id, running ? 18 : 19);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    public long? WorkerResidentBytes => _workers.Count > 0 ? ProcessMemory.ResidentBytes(_workers[0].Id) : null;

    public static FaceProcessLoad Start(int workers, string detectorPath, string embedderPath, IReadOnlyList<string> imagePaths, FaceDetectorOptions? detection = null, double frameRate = 1000)
    {
        var folder = Directory.CreateTempSubdirectory("gate-face-load-").FullName;
        for (var i = 0; i < imagePaths.Count; i++)
        {
            File.Copy(imagePaths[i], Path.Combine(folder, $"{i:0000}{Path.GetExtension(imagePaths[i])}"));
        }

        var catalog = ModelCatalog.LoadEmbedded();
        var detector = catalog.GetModel(ModelOptions.DefaultDetector);
        var embedder = catalog.GetModel(ModelOptions.DefaultEmbedder);
        var load = new FaceProcessLoad(embedder.EmbeddingDimension ?? 128);
        var files = new FaceModelFiles(detectorPath, detector, embedderPath, embedder, detection ?? new FaceDetectorOptions(), ModelOptions.DefaultIntraOpThreads);
        // The real daemon program beside this one, so each worker is a "gate-controller face-worker" process.
        var options = new FaceWorkerOptions { Executable = Path.Combine(AppContext.BaseDirectory, "gate-controller") };
        var settings = files.SettingsFor(new CameraOptions { Source = folder, FrameRateLimit = frameRate }, options);
        var launcher = new FaceProcessLauncher(Options.Create(options));
        using var ready = new CountdownEvent(workers);
        for (var i = 0; i < workers; i++)
        {
            var process = launcher.Start(FaceProcessCommand.Worker);
            settings.Send(new FaceChannelWriter(process.StandardInput.BaseStream));
            var first = i == 0;
            var reader = new Thread(() => load.Drain(process, first, ready)) { IsBackground = true, Name = $"face-load-channel-{i}" };
            load._workers.Add(process);
            load._readers.Add(reader);
            reader.Start();
        }

        if (!ready.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException("the face workers did not say hello within 120 s");
        }

        return load;
    }

    /// <summary>Starts recording hops (after warm-up) and returns what was recorded when <paramref name="stop"/> is true.</summary>
    public List<double> Hops(bool stop)
    {
        lock (_gate)
        {
            _measuring = !stop;
            return [.. _hopsMs];
        }
    }

    /// <summary>
    /// Per frame with a face, recorded with <see cref="Hops"/>: from the worker taking the frame for analysis (detect,
    /// align, embed) to the engine's decision in this process (channel, match, decide).
    /// </summary>
    public List<double> EndToEnd()
    {
        lock (_gate)
        {
            return [.. _endToEndMs];
        }
    }

    private void Drain(Process process, bool measureHops, CountdownEvent ready)
    {
        var reader = new FaceChannelReader(process.StandardOutput.BaseStream, FaceChannelFrame.MaximumResultPayloadBytes);
        var observation = new FaceObservation(_dimension);
        try
        {
            while (reader.Read() is { } type)
            {
                switch (type)
                {
                    case FaceMessageType.Hello:
                        ready.Signal();
                        break;
                    case FaceMessageType.FaceObservation:
                        Interlocked.Increment(ref _frames);
                        if (measureHops && _measuring)
                        {
                            observation.ReadFrom(reader.Payload);
                            // The frame is decided once the handler has matched it and moved its track (a track submits to the
                            // engine only when it decides, a few times per approach, so the engine's events no longer pair with frames).
                            _handler.Handle(observation);
                            var decided = Stopwatch.GetTimestamp();
                            lock (_gate)
                            {
                                _hopsMs.Add(Stopwatch.GetElapsedTime(observation.SentTimestamp, decided).TotalMilliseconds);
                                _endToEndMs.Add(Stopwatch.GetElapsedTime(observation.CapturedTimestamp, decided).TotalMilliseconds);
                            }
                        }

                        break;
                    case FaceMessageType.Failure:
                        throw new InvalidOperationException($"a face worker failed: {WorkerFailure.Parse(reader.Payload).Message}");
                }
            }
        }
        catch (IOException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.StandardInput.Close();
            if (!worker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                worker.Kill(entireProcessTree: true);
            }

            worker.Dispose();
        }

        _engine.Dispose();
        _doors.Dispose();
        _gpio.Dispose();
    }
}
