using System.Diagnostics;
using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// A V4L2 camera, a stream or a video file through an <c>ffmpeg</c> child process writing raw BGR24 frames to a
/// pipe (what Frigate does): the decoders live in ffmpeg, and a decoder that crashes or hangs takes only that
/// child with it. The child is started from the capture thread, so it inherits the face worker's niceness,
/// resource limits and no_new_privs; it ends when its pipe closes (this process gone) or on Dispose.
/// </summary>
internal sealed class FfmpegFrameReader : IFrameReader
{
    private readonly Process _process;
    private readonly Stream _frames;
    private readonly int _width;
    private readonly int _height;
    private string? _lastError;

    private FfmpegFrameReader(Process process, int width, int height, bool isRecorded)
    {
        _process = process;
        _frames = process.StandardOutput.BaseStream;
        _width = width;
        _height = height;
        IsRecorded = isRecorded;
    }

    public bool IsRecorded { get; }

    /// <summary>What ffmpeg last said on standard error (why it stopped), if anything.</summary>
    public string? StopReason => Volatile.Read(ref _lastError);

    /// <exception cref="IOException">The source cannot be opened, or ffmpeg is missing.</exception>
    /// <exception cref="ImageTooLargeException">Its frames are larger than <paramref name="limit"/>: refused before any frame memory.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> was cancelled while ffprobe waited.</exception>
    public static FfmpegFrameReader Open(CameraSource source, ImageSizeLimit limit, CancellationToken stopping)
    {
        if (source.Kind == CameraSourceKind.VideoFile && !File.Exists(source.Location))
        {
            throw new FileNotFoundException($"The video file {source.Location} does not exist.", source.Location);
        }

        var (width, height) = FfprobeFrameSize.Of(source, stopping);
        limit.Check($"The frames of the {source.Describe()}", width, height);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        FfmpegInput.Add(info, "-hide_banner", "-nostdin", "-loglevel", "error", "-noautorotate");
        FfmpegInput.AddTo(info, source);
        FfmpegInput.Add(info, "-map", "0:v:0", "-an", "-sn", "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1");
        var process = FfprobeFrameSize.StartOrExplain(info);
        var reader = new FfmpegFrameReader(process, width, height, source.Kind == CameraSourceKind.VideoFile);
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
            {
                Volatile.Write(ref reader._lastError, $"ffmpeg: {line.Data.Trim()}");
            }
        };
        process.BeginErrorReadLine();
        return reader;
    }

    /// <remarks>Allocates nothing once the frame has its size: the pipe is read straight into the frame's pixels.</remarks>
    public bool TryRead(FaceImage destination)
    {
        destination.Reshape(_width, _height);
        var pixels = destination.Pixels;
        if (_frames.ReadAtLeast(pixels, pixels.Length, throwOnEndOfStream: false) == pixels.Length)
        {
            return true;
        }

        // The pipe closed: let ffmpeg finish and its last error line arrive, so the failure says why.
        if (_process.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            _process.WaitForExit();
        }

        return false;
    }

    /// <summary>Kills ffmpeg, so a read blocked on a silent live source returns (end of stream) and the capture thread can stop.</summary>
    public void Interrupt() => KillQuietly(_process);

    public void Dispose()
    {
        KillQuietly(_process);
        try
        {
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It was never started or has been reaped.
        }

        _process.Dispose();
    }

    internal static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
