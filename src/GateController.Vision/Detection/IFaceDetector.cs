using GateController.Vision.Imaging;

namespace GateController.Vision.Detection;

public interface IFaceDetector
{
    /// <summary>
    /// Clears <paramref name="faces"/> and fills it with every face above the score threshold, best score first,
    /// in <paramref name="image"/>'s pixels. The caller owns the list, so the per-frame path can reuse one and
    /// allocate nothing; <see cref="FaceDetectorExtensions.Detect"/> returns a new list for callers that keep it.
    /// </summary>
    void Detect(FaceImage image, List<DetectedFace> faces);
}
