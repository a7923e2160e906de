namespace GateController.Vision.Camera;

/// <summary>ffmpeg and ffprobe say what went wrong on their last line of standard error.</summary>
internal static class FfmpegErrors
{
    /// <summary>The last line, with any camera password in it hidden (ffmpeg repeats the URL it failed on).</summary>
    public static string? LastLine(string standardError) =>
        standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines
            ? CameraUrlCredentials.Redact(lines[^1])
            : null;
}
