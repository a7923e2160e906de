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
        var aligned = new FaceImage(new Mat(ArcFaceTemplate.Size, ArcFaceTemplate.Size, MatType.CV_8UC3, Scalar.All(0)));
        try
        {
            using var matrix = new AffineMatrix();
            AlignInto(frame, landmarks, aligned, matrix);
            return aligned;
        }
        catch
        {
            aligned.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Warps into <paramref name="destination"/> through <paramref name="matrix"/>, both reused by the pipeline,
    /// so a frame allocates nothing here (the destination is reallocated only if its size differs).
    /// </summary>
    internal static void AlignInto(FaceImage frame, in FaceLandmarks landmarks, FaceImage destination, AffineMatrix matrix)
    {
        matrix.Set(TransformFor(landmarks));
        ImageOperations.WarpAffine(frame.Arrays, destination.Arrays, matrix.Arrays, new Size(ArcFaceTemplate.Size, ArcFaceTemplate.Size),
            InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
    }

    /// <summary>Warps a Mat into a Mat; for the OpenCV reference pipeline, which does not count allocations.</summary>
    internal static void AlignInto(Mat frame, in FaceLandmarks landmarks, Mat destination)
    {
        using var matrix = new AffineMatrix();
        using var source = new MatArrays(frame);
        using var target = new MatArrays(destination);
        matrix.Set(TransformFor(landmarks));
        ImageOperations.WarpAffine(source, target, matrix.Arrays, new Size(ArcFaceTemplate.Size, ArcFaceTemplate.Size),
            InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
    }
}
