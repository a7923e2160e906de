using Microsoft.Extensions.Logging;

namespace GateController.Vision.Camera;

internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Camera connected: {Source}")]
    public static partial void Connected(ILogger logger, string source);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Camera {Source} failed ({Error}); reconnecting in {Backoff}")]
    public static partial void Reconnecting(ILogger logger, string source, string error, TimeSpan backoff);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Recording {Source} ended; playing it again")]
    public static partial void Rewinding(ILogger logger, string source);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Camera {Source} stopped after {Frames} frames ({Dropped} dropped)")]
    public static partial void Stopped(ILogger logger, string source, long frames, long dropped);

    // The exception's message and stack come apart so the message can lose a camera password (CameraUrlCredentials).
    [LoggerMessage(EventId = 2104, Level = LogLevel.Critical, Message = "Camera capture for {Source} failed unexpectedly: {ErrorType}: {Error}\n{StackTrace}")]
    public static partial void CaptureFailed(ILogger logger, string source, string errorType, string error, string? stackTrace);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Skipped a frame: {Reason}")]
    public static partial void SkippedFrame(ILogger logger, string reason);
}
