using GateController.Vision.Imaging;

namespace GateController.Vision.Detection;

public interface IFaceDetector
{
    /// <summary>Every face above the score threshold, best score first, in <paramref name="image"/>'s pixels.</summary>
    IReadOnlyList<DetectedFace> Detect(FaceImage image);
}
