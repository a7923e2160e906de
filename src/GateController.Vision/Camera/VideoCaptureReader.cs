using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Camera;

/// <summary>A device, stream or video file through OpenCV's VideoCapture.</summary>
internal sealed class VideoCaptureReader : IFrameReader
{
    private readonly VideoCapture _capture;
    private readonly ImageSizeLimit _limit;
    private readonly string _description;
    private readonly Mat _frame = new();

    private VideoCaptureReader(VideoCapture capture, bool isRecorded, ImageSizeLimit limit, string description)
    {
        _capture = capture;
        IsRecorded = isRecorded;
        _limit = limit;
        _description = description;
    }

    public bool IsRecorded { get; }

    public static VideoCaptureReader Open(CameraSource source, ImageSizeLimit limit)
    {
        var capture = source.Kind switch
        {
            CameraSourceKind.DeviceIndex => new VideoCapture(int.Parse(source.Location, System.Globalization.CultureInfo.InvariantCulture), VideoCaptureAPIs.V4L2),
            CameraSourceKind.DevicePath => new VideoCapture(source.Location, VideoCaptureAPIs.V4L2),
            CameraSourceKind.Url => new VideoCapture(source.Location, VideoCaptureAPIs.FFMPEG),
            _ => OpenFile(source.Location),
        };
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new IOException($"OpenCV could not open the {source.Describe()}.");
        }

        return new VideoCaptureReader(capture, source.Kind == CameraSourceKind.VideoFile, limit, source.Describe());
    }

    /// <remarks>Allocates nothing: Read(Mat) decodes into the reused Mat, whose rows are copied into the frame.</remarks>
    public unsafe bool TryRead(FaceImage destination)
    {
        if (!_capture.Read(_frame) || _frame.Empty())
        {
            return false;
        }

        if (_frame.Type() != MatType.CV_8UC3)
        {
            Cv2.CvtColor(_frame, _frame, _frame.Channels() == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        }

        _limit.Check(_description, _frame.Cols, _frame.Rows);
        destination.Reshape(_frame.Cols, _frame.Rows);
        var step = _frame.Step();
        var data = (byte*)_frame.DataPointer;
        for (var y = 0; y < destination.Height; y++)
        {
            new ReadOnlySpan<byte>(data + (y * step), destination.Stride).CopyTo(destination.Row(y));
        }

        return true;
    }

    public void Dispose()
    {
        _frame.Dispose();
        _capture.Dispose();
    }

    private static VideoCapture OpenFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The video file {path} does not exist.", path);
        }

        return new VideoCapture(path, VideoCaptureAPIs.ANY);
    }
}
