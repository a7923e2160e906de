using System.Diagnostics;
using System.Globalization;

namespace GateController.Vision.Camera;

/// <summary>
/// How ffmpeg and ffprobe are told to open a source: V4L2 devices through the v4l2 demuxer, RTSP over TCP (as
/// OpenCV's FFmpeg backend did; UDP loses frames behind NAT and firewalls), files and other URLs as they are.
/// Rotation metadata is ignored, so the size ffprobe reports is the size of every frame on the pipe.
/// </summary>
internal static class FfmpegInput
{
    public static void AddTo(ProcessStartInfo info, CameraSource source)
    {
        switch (source.Kind)
        {
            case CameraSourceKind.DeviceIndex:
                Add(info, "-f", "v4l2", "-i", string.Create(CultureInfo.InvariantCulture, $"/dev/video{int.Parse(source.Location, CultureInfo.InvariantCulture)}"));
                break;
            case CameraSourceKind.DevicePath:
                Add(info, "-f", "v4l2", "-i", source.Location);
                break;
            case CameraSourceKind.Url when source.Location.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase):
                // A stream that goes silent fails after 10 s of socket inactivity (µs) instead of blocking forever.
                Add(info, "-rtsp_transport", "tcp", "-timeout", "10000000", "-i", source.Location);
                break;
            default:
                Add(info, "-i", source.Location);
                break;
        }
    }

    public static void Add(ProcessStartInfo info, params ReadOnlySpan<string> arguments)
    {
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
    }
}
