using GateController.Vision.Imaging;

namespace GateController.Vision.Motion;

/// <summary>
/// A 64×36 grey thumbnail of a BGR frame, each cell the mean of a 4×4 grid of pixels sampled inside it (not every
/// pixel: a 1080p frame costs 36,864 reads, tens of microseconds, where a full box filter reads 2 million).
/// Grey is (B + 2G + R) / 4. Writes into the caller's buffer; allocates nothing.
/// </summary>
internal static class GreyThumbnail
{
    public const int Width = 64;
    public const int Height = 36;
    public const int Cells = Width * Height;
    private const int SamplesPerSide = 4;

    public static void Fill(FaceImage frame, Span<float> cells)
    {
        if (cells.Length != Cells)
        {
            throw new ArgumentException($"The thumbnail has {Cells} cells, not {cells.Length}.", nameof(cells));
        }

        var pixels = frame.Pixels;
        var stride = frame.Stride;
        for (var cy = 0; cy < Height; cy++)
        {
            for (var cx = 0; cx < Width; cx++)
            {
                var sum = 0;
                for (var sy = 0; sy < SamplesPerSide; sy++)
                {
                    var y = Sample(cy, sy, Height, frame.Height);
                    var row = y * stride;
                    for (var sx = 0; sx < SamplesPerSide; sx++)
                    {
                        var at = row + (3 * Sample(cx, sx, Width, frame.Width));
                        sum += pixels[at] + (2 * pixels[at + 1]) + pixels[at + 2];
                    }
                }

                cells[(cy * Width) + cx] = sum / (4f * SamplesPerSide * SamplesPerSide);
            }
        }
    }

    /// <summary>The pixel of sample <paramref name="sample"/> in cell <paramref name="cell"/>: evenly spread, centred.</summary>
    private static int Sample(int cell, int sample, int cells, int pixels) =>
        (int)(((cell * SamplesPerSide) + sample + 0.5) * pixels / (cells * SamplesPerSide));
}
