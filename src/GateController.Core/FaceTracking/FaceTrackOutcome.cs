namespace GateController.Core.FaceTracking;

/// <summary>What a track decided; each is submitted to the decision engine once per track.</summary>
public enum FaceTrackOutcome
{
    /// <summary>k of the last n frames matched one person, live and with the margin.</summary>
    Granted,

    /// <summary>The track stayed below the threshold for its whole life: a stranger.</summary>
    Unknown,

    /// <summary>The track's matching frames failed liveness (a photo, a screen): never a grant.</summary>
    Spoof,
}
