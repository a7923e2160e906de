namespace GateController.Core.FaceTracking;

/// <summary>Tracks and their outcomes since start, for status. Written by the tracker's one thread, read by status.</summary>
public sealed class FaceTrackCounts
{
    public long Started { get; internal set; }

    public long Granted { get; internal set; }

    /// <summary>A grant the cooldown or the still-open door held back (no re-trigger).</summary>
    public long HeldBack { get; internal set; }

    public long Unknown { get; internal set; }

    public long Spoof { get; internal set; }

    /// <summary>Tracks that ended with neither: too short, ambiguous between two persons, or matching too rarely.</summary>
    public long Undecided { get; internal set; }
}
