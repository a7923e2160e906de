using GateController.Vision.Imaging;

namespace GateController.Vision.Alignment;

/// <summary>
/// cv::warpAffine with INTER_LINEAR and a black BORDER_CONSTANT, computed the way OpenCV computes it for 8-bit
/// images: the forward transform inverted in double; per destination pixel the source position in 10-bit fixed
/// point, cut to 1/32 pixel; bilinear weights from that 1/32 grid in 15-bit fixed point, rounded. A source pixel
/// outside the image counts as black, and a destination pixel with all four source pixels outside is black.
/// Bit-exact with OpenCV (AffineWarpGoldenTests), so embeddings enrolled before the change still match. Allocates nothing.
/// </summary>
internal static class AffineWarp
{
    private const int CoordinateBits = 10;
    private const int FractionBits = 5;
    private const int Fractions = 1 << FractionBits;
    private const int WeightBits = 15;

    /// <summary>Half a 1/32 step, so positions round to the nearest 1/32 instead of down.</summary>
    private const int RoundHalfStep = (1 << CoordinateBits) / Fractions / 2;

    /// <summary>Fills all of <paramref name="destination"/> with <paramref name="source"/> seen through <paramref name="transform"/> (source → destination).</summary>
    public static void Apply(FaceImage source, in SimilarityTransform transform, FaceImage destination)
    {
        // The inverse of [a −b tx; b a ty], as warpAffine inverts its matrix.
        double a = transform.A, b = transform.B, tx = transform.TranslateX, ty = transform.TranslateY;
        var determinant = (a * a) + (b * b);
        var d = determinant != 0 ? 1 / determinant : 0;
        double m0 = a * d, m1 = b * d, m3 = -b * d, m4 = a * d;
        var m2 = (-m0 * tx) - (m1 * ty);
        var m5 = (-m3 * tx) - (m4 * ty);
        const double scale = 1 << CoordinateBits;

        ReadOnlySpan<byte> pixels = source.Pixels;
        int columns = source.Width, rows = source.Height, stride = source.Stride;
        for (var y = 0; y < destination.Height; y++)
        {
            var row = destination.Row(y);
            var rowX = Fixed(((m1 * y) + m2) * scale) + RoundHalfStep;
            var rowY = Fixed(((m4 * y) + m5) * scale) + RoundHalfStep;
            for (var x = 0; x < destination.Width; x++)
            {
                var px = (rowX + Fixed(m0 * x * scale)) >> (CoordinateBits - FractionBits);
                var py = (rowY + Fixed(m3 * x * scale)) >> (CoordinateBits - FractionBits);
                int ix = px >> FractionBits, iy = py >> FractionBits;
                int fx = px & (Fractions - 1), fy = py & (Fractions - 1);
                var target = row.Slice(3 * x, 3);
                if ((uint)ix < (uint)(columns - 1) && (uint)iy < (uint)(rows - 1))
                {
                    var at = (iy * stride) + (3 * ix);
                    for (var c = 0; c < 3; c++)
                    {
                        target[c] = Blend(pixels[at + c], pixels[at + 3 + c], pixels[at + stride + c], pixels[at + stride + 3 + c], fx, fy);
                    }
                }
                else if (ix >= columns || ix + 1 < 0 || iy >= rows || iy + 1 < 0)
                {
                    target.Clear();
                }
                else
                {
                    for (var c = 0; c < 3; c++)
                    {
                        target[c] = Blend(
                            At(pixels, ix, iy, c), At(pixels, ix + 1, iy, c), At(pixels, ix, iy + 1, c), At(pixels, ix + 1, iy + 1, c), fx, fy);
                    }
                }

                byte At(ReadOnlySpan<byte> image, int sx, int sy, int channel) =>
                    (uint)sx < (uint)columns && (uint)sy < (uint)rows ? image[(sy * stride) + (3 * sx) + channel] : (byte)0;
            }
        }
    }

    /// <summary>saturate_cast&lt;int&gt;: round half to even, clamped.</summary>
    private static int Fixed(double value) => (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);

    /// <summary>Weights (32−fx)(32−fy)·32 … fx·fy·32 sum to 2^15 exactly; the result is rounded half up.</summary>
    private static byte Blend(int p00, int p01, int p10, int p11, int fx, int fy)
    {
        int gx = Fractions - fx, gy = Fractions - fy;
        var sum = ((p00 * gx * gy) + (p01 * fx * gy) + (p10 * gx * fy) + (p11 * fx * fy)) * (1 << (WeightBits - (2 * FractionBits)));
        return (byte)Math.Clamp((sum + (1 << (WeightBits - 1))) >> WeightBits, 0, 255);
    }
}
