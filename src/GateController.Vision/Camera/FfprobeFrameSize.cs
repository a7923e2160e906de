using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace GateController.Vision.Camera;

/// <summary>The width and height of a source's first video stream, from <c>ffprobe</c>, before any frame is read.</summary>
internal static class FfprobeFrameSize
{
    /// <summary>Opening an RTSP stream or a USB camera takes a second or two; a source silent this long is taken as down.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <exception cref="IOException">ffprobe is missing, fails, or finds no video stream; the message says which.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> was cancelled (ffprobe is killed).</exception>
    public static (int Width, int Height) Of(CameraSource source, CancellationToken stopping)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        FfmpegInput.Add(info, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x");
        FfmpegInput.AddTo(info, source);
        using var process = StartOrExplain(info);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using (stopping.Register(static p => FfmpegFrameReader.KillQuietly((Process)p!), process))
        {
            if (!process.WaitForExit(Patience))
            {
                FfmpegFrameReader.KillQuietly(process);
                throw new IOException($"ffprobe found nothing on the {source.Describe()} within {Patience.TotalSeconds:0} s.");
            }
        }

        stopping.ThrowIfCancellationRequested();

        var size = output.GetAwaiter().GetResult().Trim().Split('x');
        if (process.ExitCode != 0 || size.Length != 2
            || !int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(size[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            var why = FfmpegErrors.LastLine(error.GetAwaiter().GetResult()) ?? "it has no video stream";
            throw new IOException($"ffprobe could not open the {source.Describe()}: {why}");
        }

        return (width, height);
    }

    /// <exception cref="IOException">The program is not installed.</exception>
    public static Process StartOrExplain(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new IOException($"{info.FileName} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new IOException($"{info.FileName} cannot be started ({exception.Message}); the camera needs the Debian package ffmpeg.", exception);
        }
    }
}
