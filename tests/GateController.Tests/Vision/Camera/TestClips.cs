using System.Diagnostics;
using System.Globalization;

namespace GateController.Tests.Vision.Camera;

/// <summary>Short clips made with ffmpeg at test time (never committed).</summary>
internal static class TestClips
{
    public static string Write(string path, int frames, int width, int height) =>
        Run(path, "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=25",
            "-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-c:v", "mjpeg", path);

    /// <summary>A static scene: one photo held for <paramref name="frames"/> frames at 25 fps, 640 px wide, H.264 as a camera sends it.</summary>
    public static string Still(string path, string photo, int frames) =>
        Run(path, "-loop", "1", "-i", photo, "-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-r", "25",
            "-vf", "scale=640:-2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path);

    private static string Run(string path, params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
        return path;
    }
}
