using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Camera;

/// <summary>A device, stream or video file through OpenCV's VideoCapture.</summary>
internal sealed class VideoCaptureReader : IFrameReader
{
    private readonly VideoCapture _capture;

    private VideoCaptureReader(VideoCapture capture, bool isRecorded)
    {
        _capture = capture;
        IsRecorded = isRecorded;
    }

    public bool IsRecorded { get; }

    public static VideoCaptureReader Open(CameraSource source)
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

        return new VideoCaptureReader(capture, source.Kind == CameraSourceKind.VideoFile);
    }

    /// <remarks>Allocates nothing: Read(Mat) decodes into the buffer's memory, and a grey or BGRA camera is converted in place.</remarks>
    public bool TryRead(FrameBuffer destination)
    {
        var frame = destination.Mat;
        if (!_capture.Read(frame) || frame.Empty())
        {
            return false;
        }

        if (frame.Type() != MatType.CV_8UC3)
        {
            ImageOperations.CvtColor(destination.Arrays, destination.Arrays, frame.Channels() == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        }

        return true;
    }

    public void Dispose() => _capture.Dispose();

    private static VideoCapture OpenFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The video file {path} does not exist.", path);
        }

        return new VideoCapture(path, VideoCaptureAPIs.ANY);
    }
}
