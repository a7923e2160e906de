namespace GateController.Vision.Camera;

/// <summary>ffmpeg and ffprobe say what went wrong on their last line of standard error.</summary>
internal static class FfmpegErrors
{
    /// <remarks>The line may repeat a camera URL with its password: CameraFrameSource hides it before anyone sees it.</remarks>
    public static string? LastLine(string standardError) =>
        standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines[^1] : null;
}
