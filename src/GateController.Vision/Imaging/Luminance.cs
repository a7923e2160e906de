namespace GateController.Vision.Imaging;

/// <summary>Rec. 601 luma (0.114 B + 0.587 G + 0.299 R, as cv::cvtColor BGR2GRAY weighs it) over parts of an image.</summary>
public static class Luminance
{
    /// <summary>The luma of one BGR pixel, 0..255.</summary>
    public static int Of(ReadOnlySpan<byte> bgr) => ((114 * bgr[0]) + (587 * bgr[1]) + (299 * bgr[2]) + 500) / 1000;

    /// <summary>
    /// Mean luma of <paramref name="region"/> (clipped to the image; 0 when nothing is left), reading every
    /// <paramref name="step"/>th pixel of every <paramref name="step"/>th row, so a large region costs what a small one does.
    /// </summary>
    public static double Mean(FaceImage image, PixelRegion region, int step = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        int left = Math.Clamp(region.X, 0, image.Width), top = Math.Clamp(region.Y, 0, image.Height);
        int right = Math.Clamp(region.X + region.Width, left, image.Width), bottom = Math.Clamp(region.Y + region.Height, top, image.Height);
        long sum = 0, count = 0;
        for (var row = top; row < bottom; row += step)
        {
            ReadOnlySpan<byte> pixels = image.Row(row);
            for (var column = left; column < right; column += step)
            {
                var p = pixels.Slice(column * 3, 3);
                sum += (114 * p[0]) + (587 * p[1]) + (299 * p[2]);
                count++;
            }
        }

        return count == 0 ? 0 : sum / 1000.0 / count;
    }

    /// <summary>The whole-pixel region of a detector box (rounded outwards), not yet clipped to the image.</summary>
    public static PixelRegion RegionOf(float x, float y, float width, float height)
    {
        int left = (int)MathF.Floor(x), top = (int)MathF.Floor(y);
        return new PixelRegion(left, top, (int)MathF.Ceiling(x + width) - left, (int)MathF.Ceiling(y + height) - top);
    }
}
