namespace GateController.Vision.Camera;

/// <summary>ffmpeg and ffprobe say what went wrong on their last line of standard error.</summary>
internal static class FfmpegErrors
{
    public static string? LastLine(string standardError) =>
        standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines[^1] : null;
}
