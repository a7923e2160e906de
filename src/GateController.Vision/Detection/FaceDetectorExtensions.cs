using GateController.Vision.Imaging;

namespace GateController.Vision.Detection;

public static class FaceDetectorExtensions
{
    /// <summary>Every face in <paramref name="image"/> in a new list the caller owns (enrolment, tools, tests).</summary>
    public static List<DetectedFace> Detect(this IFaceDetector detector, FaceImage image)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var faces = new List<DetectedFace>();
        detector.Detect(image, faces);
        return faces;
    }
}
