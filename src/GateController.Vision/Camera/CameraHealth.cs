namespace GateController.Vision.Camera;

/// <summary>
/// What <c>status</c> shows about the camera. <see cref="FramesRefused"/> counts frames the source skipped
/// (an unreadable photo of a folder, or one over the pixel limit).
/// </summary>
public sealed record CameraHealth(
    CameraState State,
    string Source,
    string? LastError,
    DateTimeOffset? LastFrameAt,
    long FramesCaptured,
    long FramesDropped,
    long Reconnects,
    long FramesRefused = 0);
