using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.FaceTracking;
using GateController.Face;
using GateController.FaceChannel;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Tests.Vision;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Face;

/// <summary>
/// Both halves of the split face path on the real models and photos: the worker's per-frame step
/// (<see cref="FaceAnalyzer.TryEmbedDecidingFace"/>) and the daemon's match → throttle → submit
/// (<see cref="FaceObservationHandler"/>: match, track, decide once per track) allocate nothing for a frame that decides nothing.
/// </summary>
public sealed class FaceObservationHandlerTests
{
    private const int Frames = 20;
    private FaceAnalyzer _analyzer = null!;
    private TemplateIndex _index = null!;
    private FaceObservation _enrolled = null!;
    private FaceObservation _stranger = null!;

    [OneTimeSetUp]
    public void Open()
    {
        _analyzer = new FaceAnalyzer(SharedVision.Detector, SharedVision.Embedder, new TemplateIndex(SharedVision.Embedder.Dimension));
        _index = new TemplateIndex(SharedVision.Embedder.Dimension);
        _index.Add("bbt_amy", SharedVision.EmbeddingOf(FaceData.EnrolmentPhotoOf("bbt_amy")));
        _enrolled = Observe("bbt_amy/02.png");
        _stranger = Observe("bbt_raj/02.png");
    }

    [OneTimeTearDown]
    public void Close() => _analyzer.Dispose();

    private FaceObservation Observe(string photo)
    {
        using var image = FaceImage.Load(FaceData.PathOf(photo));
        var observation = new FaceObservation(_analyzer.EmbeddingDimension) { CapturedTimestamp = 42, FacesInFrame = 1 };
        Assert.That(_analyzer.TryEmbedDecidingFace(image, observation.Embedding, out var face, out _), Is.True);
        observation.Face = face;
        return observation;
    }

    [Test]
    public void The_workers_frame_step_allocates_nothing_once_warm()
    {
        using var face = FaceImage.Load(FaceData.PathOf("bbt_amy/02.png"));
        using var blank = FaceImage.Load(FaceData.PathOf("negatives/blank_white.png"));
        var embedding = new float[_analyzer.EmbeddingDimension];
        _analyzer.TryEmbedDecidingFace(face, embedding, out _, out _);
        _analyzer.TryEmbedDecidingFace(blank, embedding, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < Frames; i++)
        {
            found += _analyzer.TryEmbedDecidingFace(face, embedding, out _, out _) ? 1 : 0;
            found += _analyzer.TryEmbedDecidingFace(blank, embedding, out _, out _) ? 1 : 0;
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(found, Is.EqualTo(Frames), "a face on every photo frame, none on the blank ones");
    }

    [Test]
    public void An_enrolled_face_is_granted_once_per_track_and_the_frames_after_it_allocate_nothing()
    {
        var time = new FakeTimeProvider();
        using var rig = new EngineRig(time);
        var handler = rig.Handler(_index);

        var first = Frame(handler, _enrolled);
        var second = Frame(handler, _enrolled);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = 0;
        for (var i = 0; i < Frames; i++)
        {
            again += Frame(handler, _enrolled) is null ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(first, Is.Null, "one frame is not k of n");
        Assert.That(second!.Granted, Is.True);
        Assert.That(again, Is.Zero, "the track decided once");
        Assert.That(allocated, Is.Zero);
        Assert.That(rig.Unlocks, Is.EqualTo(1));
        Assert.That(handler.Submitted, Is.EqualTo(1));
    }

    [Test]
    public void A_stranger_followed_for_its_whole_life_ends_as_one_unknown_and_its_frames_allocate_nothing()
    {
        var time = new FakeTimeProvider();
        using var rig = new EngineRig(time);
        var handler = rig.Handler(_index);
        Frame(handler, _stranger);
        Frame(handler, _stranger);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decided = 0;
        for (var i = 0; i < Frames; i++)
        {
            decided += Frame(handler, _stranger) is null ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(decided, Is.Zero, "a stranger is decided when the track ends");
        time.Advance(FaceTrackingOptions.DefaultTrackTimeout + TimeSpan.FromMilliseconds(1));
        var end = handler.Tick();

        Assert.That(allocated, Is.Zero);
        Assert.That(end!.Verdict.Result, Is.EqualTo(AccessResult.Unknown));
        Assert.That(end.Event.Person, Is.Null);
        Assert.That(rig.Unlocks, Is.Zero);
        Assert.That(handler.GetStatus().Facts["unknown"], Is.EqualTo(1L));
    }

    [Test]
    public void The_attempt_carries_the_deciding_frames_capture_time_and_the_camera_reader()
    {
        var time = new FakeTimeProvider();
        using var rig = new EngineRig(time);
        var handler = rig.Handler(_index);

        Frame(handler, _enrolled);
        var decision = Frame(handler, _enrolled)!;

        Assert.That(decision.Attempt.PresentedTimestamp, Is.EqualTo(_enrolled.CapturedTimestamp));
        Assert.That(decision.Attempt.ReaderId, Is.EqualTo(FaceObservationHandler.ReaderId));
        Assert.That(((FaceTrackCredential)decision.Attempt.Credential).Decision.PersonId, Is.EqualTo("bbt_amy"));
    }

    [Test]
    public void A_face_at_a_camera_listed_under_door_2_opens_door_2_and_leaves_door_1_locked()
    {
        using var rig = new EngineRig(new FakeTimeProvider(), cameraDoor: 2);
        var handler = rig.Handler(_index);

        Frame(handler, _enrolled);
        var decision = Frame(handler, _enrolled)!;

        Assert.That((decision.Granted, decision.Event.Door), Is.EqualTo((true, 2)));
        Assert.That((rig.UnlocksOf(17), rig.UnlocksOf(27)), Is.EqualTo((0, 1)));
    }

    /// <summary>The same face in the next camera frame.</summary>
    [Test]
    public void Frames_not_live_enough_or_refused_for_quality_never_open_the_door()
    {
        using var rig = new EngineRig(new FakeTimeProvider());
        var handler = rig.Handler(_index, new FaceLivenessOptions());
        var observation = Observe("bbt_amy/02.png");
        var granted = 0;

        foreach (var score in new[] { float.NaN, 0.229f, 0.002f, 0.49f })
        {
            observation.LivenessScore = score;
            granted += Frame(handler, observation)?.Granted == true ? 1 : 0;
        }

        observation.LivenessScore = float.NaN;
        observation.Quality = GateController.Vision.Quality.FaceQuality.TooDark;
        observation.HasEmbedding = false;
        for (var i = 0; i < 4; i++)
        {
            granted += Frame(handler, observation)?.Granted == true ? 1 : 0;
        }

        Assert.That((granted, rig.Unlocks, rig.Refusals.NotLive), Is.EqualTo((0, 0, 4L)));
    }

    [Test]
    public void Live_frames_of_an_enrolled_face_open_the_door_when_liveness_is_required()
    {
        using var rig = new EngineRig(new FakeTimeProvider());
        var handler = rig.Handler(_index, new FaceLivenessOptions());
        var observation = Observe("bbt_amy/02.png");
        observation.LivenessScore = 0.98f;

        Frame(handler, observation);

        Assert.That(Frame(handler, observation)!.Granted, Is.True);
    }

    private static AccessDecision? Frame(FaceObservationHandler handler, FaceObservation observation)
    {
        observation.FrameSequence++;
        return handler.Handle(observation);
    }

    private sealed class EngineRig : IDisposable
    {
        private readonly GpioController _gpio;
        private readonly TimeProvider _time;

        /// <param name="cameraDoor">The door the camera is listed under (door 1 on relay GPIO 17, door 2 on GPIO 27).</param>
        public EngineRig(TimeProvider time, int cameraDoor = 1)
        {
            _time = time;
            Driver = new SimulatedGpioDriver(time);
            _gpio = new GpioController(Driver);
            var events = new AccessEventPublisher([]);
            _doors = new DoorSet(
                [
                    new DoorController(1, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 17 }, NullLogger<GpioRelayOutput>.Instance), events, time, NullLogger.Instance),
                    new DoorController(2, new DoorOptions(), new GpioRelayOutput(_gpio, new RelayOptions { Pin = 27 }, NullLogger<GpioRelayOutput>.Instance), events, time, NullLogger.Instance),
                ],
                new Dictionary<string, int> { [FaceObservationHandler.ReaderId] = cameraDoor });
            var decisions = new FixedOptionsMonitor<FaceDecisionOptions>(new FaceDecisionOptions());
            Engine = new AccessDecisionEngine(
                [new FaceMatchVerifier(decisions, new FixedOptionsMonitor<FaceTrackingOptions>(new FaceTrackingOptions()))], _doors, events, time, NullLogger<AccessDecisionEngine>.Instance);
            Decisions = decisions;
        }

        private readonly DoorSet _doors;

        public SimulatedGpioDriver Driver { get; }

        public int Unlocks => UnlocksOf(17);

        public int UnlocksOf(int relayPin) => Driver.Writes.Count(w => w.Pin == relayPin && w.Value == PinValue.High);

        public AccessDecisionEngine Engine { get; }

        public FixedOptionsMonitor<FaceDecisionOptions> Decisions { get; }

        /// <summary>The match and tracking tests show grey TV stills, which liveness would refuse: they run without it.</summary>
        public FaceObservationHandler Handler(TemplateIndex index, FaceLivenessOptions? liveness = null) =>
            new(index, Engine, Decisions, Options.Create(new FaceTrackingOptions()), Options.Create(liveness ?? new FaceLivenessOptions { Required = false }),
                Refusals, _doors, _time, NullLogger<FaceObservationHandler>.Instance);

        public FaceRefusals Refusals { get; } = new();

        public void Dispose()
        {
            Engine.Dispose();
            _doors.Dispose();
            _gpio.Dispose();
        }
    }
}
