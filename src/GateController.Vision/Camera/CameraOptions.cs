using System.ComponentModel.DataAnnotations;

namespace GateController.Vision.Camera;

public sealed class CameraOptions
{
    public const string Section = "Vision:Camera";

    /// <summary>Video files and image folders play at about a camera's rate instead of as fast as they decode.</summary>
    public const double DefaultFrameRateLimit = 25;

    /// <summary>
    /// A V4L2 device (<c>/dev/video0</c> or an index such as <c>0</c>), an <c>rtsp://</c> or <c>http(s)://</c>
    /// URL, a video file, or a folder of JPEG/PNG images (simulation).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Source { get; set; } = "";

    /// <summary>Most frames per second read from a file or folder; live sources run at their own rate.</summary>
    [Range(0.1, 1000.0)]
    public double FrameRateLimit { get; set; } = DefaultFrameRateLimit;

    /// <summary>Wait before the first reconnect; doubles after each failure up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
