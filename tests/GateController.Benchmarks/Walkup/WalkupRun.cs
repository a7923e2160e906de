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
using GateController.Vision.Matching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GateController.Benchmarks.Walkup;

/// <summary>
/// One real <c>gate-controller face-worker</c> on a camera source at its real frame rate, its observations decided in
/// this process by the daemon's own handler, tracker and engine on a simulated relay. Records every observation
/// and every grant, and the CPU time both processes spent after the worker's hello.
/// </summary>
internal sealed class WalkupRun : IDisposable
{
    private readonly GpioController _gpio = new(new SimulatedGpioDriver(TimeProvider.System));
    private readonly DoorSet _doors;
    private readonly AccessDecisionEngine _engine;
    private readonly FaceObservationHandler _handler;
    private readonly Process _worker;
    private readonly Thread _reader;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _hello = new();
    private TimeSpan _workerCpuAtHello;
    private readonly int _dimension;
    private TimeSpan _ownCpuAtHello;

    public WalkupRun(TemplateIndex index, FaceModelFiles files, CameraOptions camera, FaceTrackingOptions tracking)
    {
        _dimension = index.Dimension;
        var events = new AccessEventPublisher([]);
        _doors = new DoorSet(
            [new DoorController(1, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 27 }, NullLogger<GpioRelayOutput>.Instance), events, TimeProvider.System, NullLogger.Instance)],
            new Dictionary<string, int>());
        var decisions = new FixedOptionsMonitor<FaceDecisionOptions>(new FaceDecisionOptions());
        _engine = new AccessDecisionEngine([new FaceMatchVerifier(decisions, new FixedOptionsMonitor<FaceTrackingOptions>(tracking))], _doors, events, TimeProvider.System, NullLogger<AccessDecisionEngine>.Instance);
        // The worker here is given no liveness models (FaceModelFiles.FetchAsync), so its frames are not scored: none required.
        _handler = new FaceObservationHandler(index, _engine, decisions, Options.Create(tracking), Options.Create(new FaceLivenessOptions { Required = false }),
            new FaceRefusals(), _doors, TimeProvider.System, NullLogger<FaceObservationHandler>.Instance);
        var options = new FaceWorkerOptions { Executable = Path.Combine(AppContext.BaseDirectory, "gate-controller") };
        _worker = new FaceProcessLauncher(Options.Create(options)).Start(FaceProcessCommand.Worker);
        files.SettingsFor(camera, options).Send(new FaceChannelWriter(_worker.StandardInput.BaseStream));
        _reader = new Thread(Drain) { IsBackground = true, Name = "walkup-channel" };
        _reader.Start();
        if (!_hello.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException("the face worker did not say hello within 120 s");
        }
    }

    public List<(long Sequence, long Captured, FaceBox Box)> Observations { get; } = [];

    public List<(long Sequence, long Decided, string Person)> Grants { get; } = [];

    /// <summary>CPU time of the worker and of this process (the daemon's half) since the worker's hello.</summary>
    public TimeSpan CpuSinceHello()
    {
        _worker.Refresh();
        return _worker.TotalProcessorTime - _workerCpuAtHello + (Process.GetCurrentProcess().TotalProcessorTime - _ownCpuAtHello);
    }

    private void Drain()
    {
        var reader = new FaceChannelReader(_worker.StandardOutput.BaseStream, FaceChannelFrame.MaximumResultPayloadBytes);
        var observation = new FaceObservation(_dimension);
        try
        {
            while (reader.Read() is { } type)
            {
                switch (type)
                {
                    case FaceMessageType.Hello:
                        _worker.Refresh();
                        (_workerCpuAtHello, _ownCpuAtHello) = (_worker.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
                        _hello.Set();
                        break;
                    case FaceMessageType.Heartbeat:
                        _handler.Tick();
                        break;
                    case FaceMessageType.FaceObservation:
                        observation.ReadFrom(reader.Payload);
                        var decision = _handler.Handle(observation);
                        var decided = Stopwatch.GetTimestamp();
                        var face = observation.Face;
                        lock (_gate)
                        {
                            Observations.Add((observation.FrameSequence, observation.CapturedTimestamp, new FaceBox(face.X, face.Y, face.Width, face.Height)));
                            if (decision is { Granted: true, Verdict.PersonId: { } person })
                            {
                                Grants.Add((observation.FrameSequence, decided, person));
                            }
                        }

                        break;
                    case FaceMessageType.Failure:
                        throw new InvalidOperationException($"the face worker failed: {WorkerFailure.Parse(reader.Payload).Message}");
                }
            }
        }
        catch (IOException)
        {
            // Stopped.
        }
    }

    /// <summary>The recordings so far, copied under the lock.</summary>
    public (List<(long Sequence, long Captured, FaceBox Box)> Observations, List<(long Sequence, long Decided, string Person)> Grants) Snapshot()
    {
        lock (_gate)
        {
            return ([.. Observations], [.. Grants]);
        }
    }

    public void Dispose()
    {
        _worker.StandardInput.Close();
        if (!_worker.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _worker.Kill(entireProcessTree: true);
        }

        _reader.Join(TimeSpan.FromSeconds(5));
        _worker.Dispose();
        _engine.Dispose();
        _doors.Dispose();
        _gpio.Dispose();
        _hello.Dispose();
    }
}
