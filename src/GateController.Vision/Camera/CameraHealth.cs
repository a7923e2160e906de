namespace GateController.Vision.Camera;

/// <summary>What <c>status</c> shows about the camera.</summary>
public sealed record CameraHealth(
    CameraState State,
    string Source,
    string? LastError,
    DateTimeOffset? LastFrameAt,
    long FramesCaptured,
    long FramesDropped,
    long Reconnects);
