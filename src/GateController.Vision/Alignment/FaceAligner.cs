using System.Numerics;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Alignment;

/// <summary>Warps a face from the full-resolution frame onto the 112x112 ArcFace template.</summary>
public static class FaceAligner
{
    public static SimilarityTransform TransformFor(in FaceLandmarks landmarks)
    {
        Span<Vector2> points = stackalloc Vector2[FaceLandmarks.Count];
        landmarks.CopyTo(points);
        return SimilarityTransform.Estimate(points, ArcFaceTemplate.Points);
    }

    /// <summary>A new 112x112 BGR crop of the face at <paramref name="landmarks"/> (bilinear warp).</summary>
    public static FaceImage Align(FaceImage frame, in FaceLandmarks landmarks)
    {
        var aligned = new Mat(ArcFaceTemplate.Size, ArcFaceTemplate.Size, MatType.CV_8UC3);
        try
        {
            AlignInto(frame.Mat, landmarks, aligned);
            return new FaceImage(aligned);
        }
        catch
        {
            aligned.Dispose();
            throw;
        }
    }

    /// <summary>Warps into <paramref name="destination"/> (reused by the pipeline; reallocated only if its size differs).</summary>
    internal static void AlignInto(Mat frame, in FaceLandmarks landmarks, Mat destination)
    {
        var t = TransformFor(landmarks);
        using var matrix = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new[] { t.A, -t.B, t.TranslateX, t.B, t.A, t.TranslateY });
        Cv2.WarpAffine(frame, destination, matrix, new Size(ArcFaceTemplate.Size, ArcFaceTemplate.Size),
            InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
    }
}
