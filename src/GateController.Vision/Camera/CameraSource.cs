using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>What a <see cref="CameraOptions.Source"/> string means; decided at each open, so a folder may appear later.</summary>
internal readonly record struct CameraSource(CameraSourceKind Kind, string Location)
{
    public static CameraSource Parse(string source)
    {
        if (source.Length > 0 && source.All(char.IsAsciiDigit))
        {
            return new CameraSource(CameraSourceKind.DeviceIndex, source);
        }

        if (source.StartsWith("/dev/video", StringComparison.Ordinal))
        {
            return new CameraSource(CameraSourceKind.DevicePath, source);
        }

        if (source.Contains("://", StringComparison.Ordinal))
        {
            return new CameraSource(CameraSourceKind.Url, source);
        }

        if (Directory.Exists(source) || File.Exists(source))
        {
            return new CameraSource(Directory.Exists(source) ? CameraSourceKind.ImageFolder : CameraSourceKind.VideoFile, source);
        }

        // Not there (yet): a name with an extension is a file, anything else a folder to be filled.
        return new CameraSource(Path.HasExtension(source) ? CameraSourceKind.VideoFile : CameraSourceKind.ImageFolder, source);
    }

    public string Describe() => Kind switch
    {
        CameraSourceKind.DeviceIndex => $"V4L2 camera index {Location}",
        CameraSourceKind.DevicePath => $"V4L2 camera {Location}",
        CameraSourceKind.Url => $"stream {CameraUrlCredentials.Redact(Location)}",
        CameraSourceKind.VideoFile => $"video file {Location}",
        _ => $"image folder {Location}",
    };

    /// <param name="limit">Frames declaring more pixels are refused before any memory is taken for them.</param>
    /// <param name="skipped">Told about each file a folder source skips (unreadable or over the limit).</param>
    /// <param name="stopping">Cancels a slow open (ffprobe waiting on a silent stream).</param>
    public IFrameReader Open(ImageSizeLimit limit, Action<ImageDecodeException> skipped, CancellationToken stopping) =>
        Kind == CameraSourceKind.ImageFolder ? ImageFolderReader.Open(Location, limit, skipped) : FfmpegFrameReader.Open(this, limit, stopping);
}
