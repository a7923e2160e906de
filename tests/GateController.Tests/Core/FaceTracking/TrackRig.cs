using GateController.Core.FaceTracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Core.FaceTracking;

/// <summary>A tracker on a fake clock at 25 fps, fed synthetic frames: each call is the camera's next frame.</summary>
internal sealed class TrackRig
{
    public const float Threshold = 0.45f;
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(40);
    public static readonly FaceBox Left = new(100, 100, 80, 80);
    public static readonly FaceBox Right = new(400, 100, 80, 80);

    private long _frame;

    public TrackRig(FaceTrackingOptions? options = null)
    {
        Options = options ?? new FaceTrackingOptions();
        Tracker = new FaceTracker(Options, new FaceRetriggerGuard(Time, Options.Cooldown, () => DoorOpen), Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public FaceTrackingOptions Options { get; }

    public FaceTracker Tracker { get; }

    public bool DoorOpen { get; set; }

    public List<FaceTrackDecision> Decisions { get; } = [];

    /// <summary>The next frame, showing one face.</summary>
    public List<FaceTrackDecision> Frame(string? person, float similarity, float second = 0.1f, FaceBox? box = null, bool evidence = true, bool live = true, float liveness = float.NaN)
    {
        Time.Advance(FrameInterval);
        var found = Faces((person, similarity, second, box ?? Left, evidence, live, liveness));
        return found;
    }

    /// <summary>The next frame, showing several faces (each observed with the same frame number).</summary>
    public List<FaceTrackDecision> Faces(params (string? Person, float Similarity, float Second, FaceBox Box, bool Evidence, bool Live, float Liveness)[] faces)
    {
        var frame = ++_frame;
        var made = new List<FaceTrackDecision>();
        foreach (var face in faces)
        {
            Tracker.Observe(new FaceFrameEvidence(frame, Time.GetTimestamp(), face.Box, face.Person, face.Similarity, face.Second, face.Evidence, face.Live, face.Liveness), Threshold, made);
        }

        Decisions.AddRange(made);
        return made;
    }

    /// <summary>Frames with nobody in them: time passes, the tracker hears of it between frames.</summary>
    public List<FaceTrackDecision> Empty(TimeSpan duration)
    {
        Time.Advance(duration);
        _frame += (long)(duration / FrameInterval);
        var made = new List<FaceTrackDecision>();
        Tracker.Expire(made);
        Decisions.AddRange(made);
        return made;
    }

    /// <summary>Enough empty time for every track to end.</summary>
    public List<FaceTrackDecision> Leave() => Empty(Options.TrackTimeout + FrameInterval);
}
