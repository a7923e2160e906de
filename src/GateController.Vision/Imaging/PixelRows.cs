namespace GateController.Vision.Imaging;

/// <summary>Conversions between the 4-byte pixels SkiaSharp reads and writes and the 3-byte BGR the face path uses.</summary>
internal static class PixelRows
{
    /// <summary>Drops the alpha byte (not composited: OpenCV's imdecode did the same).</summary>
    public static void BgraToBgr(ReadOnlySpan<byte> bgra, Span<byte> bgr)
    {
        var pixels = bgra.Length / 4;
        if (bgr.Length < 3 * pixels)
        {
            throw new ArgumentException($"{bgr.Length} bytes cannot hold {pixels} BGR pixels.", nameof(bgr));
        }

        for (var i = 0; i < pixels; i++)
        {
            bgr[3 * i] = bgra[4 * i];
            bgr[(3 * i) + 1] = bgra[(4 * i) + 1];
            bgr[(3 * i) + 2] = bgra[(4 * i) + 2];
        }
    }

    /// <summary>Adds an opaque alpha byte.</summary>
    public static void BgrToBgra(ReadOnlySpan<byte> bgr, Span<byte> bgra)
    {
        var pixels = bgr.Length / 3;
        if (bgra.Length < 4 * pixels)
        {
            throw new ArgumentException($"{bgra.Length} bytes cannot hold {pixels} BGRA pixels.", nameof(bgra));
        }

        for (var i = 0; i < pixels; i++)
        {
            bgra[4 * i] = bgr[3 * i];
            bgra[(4 * i) + 1] = bgr[(3 * i) + 1];
            bgra[(4 * i) + 2] = bgr[(3 * i) + 2];
            bgra[(4 * i) + 3] = 255;
        }
    }
}
