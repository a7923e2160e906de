using System.Diagnostics;

namespace GateController.Tests.Vision.Camera;

/// <summary>Short MJPEG clips made with ffmpeg's test source, for the camera's recording paths.</summary>
internal static class TestClips
{
    public static string Write(string path, int frames, int width, int height)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=25",
            "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "mjpeg", path,
        })
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
