using System.Numerics;

namespace GateController.Vision.Alignment;

/// <summary>
/// x' = a·x − b·y + tx, y' = b·x + a·y + ty: rotation, uniform scale (√(a²+b²)) and translation, never a reflection.
/// </summary>
public readonly record struct SimilarityTransform(double A, double B, double TranslateX, double TranslateY)
{
    public double Scale => Math.Sqrt((A * A) + (B * B));

    public double RotationRadians => Math.Atan2(B, A);

    public Vector2 Apply(Vector2 point) => new(
        (float)((A * point.X) - (B * point.Y) + TranslateX),
        (float)((B * point.X) + (A * point.Y) + TranslateY));

    /// <summary>
    /// The least-squares similarity mapping <paramref name="source"/> onto <paramref name="destination"/>
    /// (Umeyama 1991 restricted to 2-D without reflection, which has this closed form; equivalent to
    /// cv::estimateAffinePartial2D's refinement when every point is an inlier).
    /// </summary>
    public static SimilarityTransform Estimate(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> destination)
    {
        if (source.Length != destination.Length || source.Length < 2)
        {
            throw new ArgumentException($"A similarity needs at least 2 matching point pairs, got {source.Length} and {destination.Length}.");
        }

        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (var i = 0; i < source.Length; i++)
        {
            sx += source[i].X;
            sy += source[i].Y;
            dx += destination[i].X;
            dy += destination[i].Y;
        }

        var n = source.Length;
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;

        double dotSum = 0, crossSum = 0, sourceSpread = 0;
        for (var i = 0; i < n; i++)
        {
            double px = source[i].X - sx, py = source[i].Y - sy;
            double qx = destination[i].X - dx, qy = destination[i].Y - dy;
            dotSum += (px * qx) + (py * qy);
            crossSum += (px * qy) - (py * qx);
            sourceSpread += (px * px) + (py * py);
        }

        if (sourceSpread < 1e-12)
        {
            throw new ArgumentException("The source points coincide; no similarity is defined.");
        }

        var a = dotSum / sourceSpread;
        var b = crossSum / sourceSpread;
        return new SimilarityTransform(a, b, dx - ((a * sx) - (b * sy)), dy - ((b * sx) + (a * sy)));
    }
}
