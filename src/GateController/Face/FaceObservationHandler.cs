using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.FaceTracking;
using GateController.Core.Health;
using GateController.FaceChannel;
using GateController.Vision.Matching;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>
/// The daemon's half of the face path: a well-formed observation from a live worker is matched against the
/// template index (which never leaves this process) and followed in its track (<see cref="FaceTracker"/>); a
/// track's decision (a grant, an unknown, a spoof) is submitted once. The tracks and the cooldown live here, not in
/// the worker, so a restarted worker cannot decide the same face again early. The worker's quality verdict and
/// liveness score become the frame's evidence here, against <c>Face:Liveness</c>'s threshold (the one place it applies).
/// </summary>
internal sealed class FaceObservationHandler : ISubsystemStatusSource
{
    public const string ReaderId = "camera";

    private readonly TemplateIndex _index;
    private readonly AccessDecisionEngine _engine;
    private readonly IOptionsMonitor<FaceDecisionOptions> _decision;
    private readonly FaceLivenessOptions _liveness;
    private readonly FaceTracker _tracker;
    private readonly List<FaceTrackDecision> _decisions = new(FaceTracker.MaximumTracks + 1);
    // The channel thread handles frames, the session's monitor ends silent tracks: one at a time, microseconds each.
    private readonly Lock _gate = new();
    private long _observations;
    private long _submitted;

    public FaceObservationHandler(
        TemplateIndex index,
        AccessDecisionEngine engine,
        IOptionsMonitor<FaceDecisionOptions> decision,
        IOptions<FaceTrackingOptions> tracking,
        IOptions<FaceLivenessOptions> liveness,
        FaceRefusals refusals,
        DoorSet doors,
        TimeProvider time,
        ILogger<FaceObservationHandler> logger)
    {
        _liveness = liveness.Value;
        Refusals = refusals;
        _index = index;
        _engine = engine;
        _decision = decision;
        var door = doors.AssignDoor(new AccessAttempt(ReaderId, new FaceMatchCredential(null, 0, null, 0), 0)).Door;
        var controller = doors.TryGet(door, out var found) ? found : null;
        var guard = new FaceRetriggerGuard(time, tracking.Value.Cooldown, () => controller?.IsOpen ?? false);
        _tracker = new FaceTracker(tracking.Value, guard, time, logger);
    }

    public long Observations => Interlocked.Read(ref _observations);

    public FaceRefusals Refusals { get; }

    public long Submitted => Interlocked.Read(ref _submitted);

    /// <summary>Called on the channel's reader thread. Allocates nothing unless a track decides.</summary>
    /// <returns>The last decision this frame led to, or null.</returns>
    public AccessDecision? Handle(FaceObservation observation)
    {
        Interlocked.Increment(ref _observations);
        var face = observation.Face;
        var embedded = observation.HasEmbedding && observation.Quality == Vision.Quality.FaceQuality.Good;
        var match = embedded && _index.Count > 0 ? _index.FindBest(observation.Embedding) : TemplateMatch.None;
        // NaN (not scored) is not live when liveness is required.
        var live = !_liveness.Required || observation.LivenessScore >= _liveness.Threshold;
        if (embedded && !live)
        {
            Refusals.CountNotLive();
        }

        var evidence = new FaceFrameEvidence(
            observation.FrameSequence,
            observation.CapturedTimestamp,
            new FaceBox(face.X, face.Y, face.Width, face.Height),
            match.PersonId,
            match.Similarity,
            match.SecondSimilarity,
            IsEvidence: embedded,
            IsLive: live,
            LivenessScore: observation.LivenessScore);
        lock (_gate)
        {
            _decisions.Clear();
            _tracker.Observe(evidence, _decision.CurrentValue.MatchThreshold, _decisions);
            return SubmitDecisions();
        }
    }

    /// <summary>Ends the tracks of faces that left; called between frames, so a stranger is recorded even when nobody follows.</summary>
    public AccessDecision? Tick()
    {
        lock (_gate)
        {
            _decisions.Clear();
            _tracker.Expire(_decisions);
            return SubmitDecisions();
        }
    }

    private AccessDecision? SubmitDecisions()
    {
        AccessDecision? last = null;
        foreach (var decision in _decisions)
        {
            Interlocked.Increment(ref _submitted);
            // Decided here, like a card: this is the daemon's channel thread at normal priority (the niced half of the face
            // path is the worker process), and a hand-over to the engine's thread would add a wake-up to every face hop.
            last = _engine.DecideNow(new AccessAttempt(ReaderId, new FaceTrackCredential(decision), decision.PresentedTimestamp));
        }

        return last;
    }

    public SubsystemStatus GetStatus()
    {
        lock (_gate)
        {
            var counts = _tracker.Counts;
            return SubsystemStatus.Of(
                "faceTracking",
                HealthState.Healthy,
                $"{_tracker.ActiveTracks} active tracks",
                ("activeTracks", _tracker.ActiveTracks),
                ("tracks", counts.Started),
                ("granted", counts.Granted),
                ("heldBack", counts.HeldBack),
                ("unknown", counts.Unknown),
                ("spoof", counts.Spoof),
                ("undecided", counts.Undecided));
        }
    }
}
