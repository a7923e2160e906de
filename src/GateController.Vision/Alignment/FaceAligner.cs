using System.Numerics;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;

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
        var aligned = new FaceImage(ArcFaceTemplate.Size, ArcFaceTemplate.Size);
        AlignInto(frame, landmarks, aligned);
        return aligned;
    }

    /// <summary>Warps into <paramref name="destination"/>, a 112x112 crop reused by the pipeline, so a frame allocates nothing here.</summary>
    internal static void AlignInto(FaceImage frame, in FaceLandmarks landmarks, FaceImage destination) =>
        AffineWarp.Apply(frame, TransformFor(landmarks), destination);
}
