using SkiaSharp;

namespace GateController.Vision.Imaging;

/// <summary>
/// Turns a decoded image upright as its EXIF orientation says (phones store portraits sideways and tag them).
/// OpenCV's imdecode did this too, so enrolment photos from a phone keep their faces upright.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>The upright image: <paramref name="stored"/> itself when it already is, else a new one (and it is disposed).</summary>
    public static FaceImage Apply(FaceImage stored, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft || !Enum.IsDefined(origin))
        {
            return stored;
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int width = stored.Width, height = stored.Height;
        var upright = new FaceImage(swaps ? height : width, swaps ? width : height);
        var from = stored.Pixels;
        var to = upright.Pixels;
        for (var y = 0; y < upright.Height; y++)
        {
            for (var x = 0; x < upright.Width; x++)
            {
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (width - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (width - 1 - x, height - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, height - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, height - 1 - x),
                    SKEncodedOrigin.RightBottom => (width - 1 - y, height - 1 - x),
                    _ => (width - 1 - y, x),
                };
                from.Slice(3 * ((sy * width) + sx), 3).CopyTo(to.Slice(3 * ((y * upright.Width) + x), 3));
            }
        }

        stored.Dispose();
        return upright;
    }
}
