using GateController.Vision.Detection;
using GateController.Vision.Imaging;

namespace GateController.Tests.Vision.Quality;

/// <summary>Worse copies of a good photo, made at test time: blurred, darkened, backlit and shrunk.</summary>
internal static class DegradedFaces
{
    /// <summary>Three box blurs (close to a Gaussian) with a radius of a sixteenth of the face's width.</summary>
    public static FaceImage Blurred(FaceImage image, in DetectedFace face)
    {
        var radius = Math.Max(2, (int)(face.Width / 16));
        var copy = Copy(image);
        var scratch = new byte[copy.Pixels.Length];
        for (var pass = 0; pass < 3; pass++)
        {
            BoxBlur(copy.Pixels, scratch, copy.Width, copy.Height, radius, horizontal: true);
            BoxBlur(scratch, copy.Pixels, copy.Width, copy.Height, radius, horizontal: false);
        }

        return copy;
    }

    /// <summary>Every byte times <paramref name="factor"/>, saturating at white: under- or overexposed.</summary>
    public static FaceImage Exposed(FaceImage image, float factor) => Map(image, (_, _, value) => (byte)Math.Min(255, value * factor));

    /// <summary>The face box at a third of its light, the scene around it pushed towards white: a person against a window.</summary>
    public static FaceImage Backlit(FaceImage image, DetectedFace face) => Map(image, (x, y, value) =>
        x >= face.X && x < face.X + face.Width && y >= face.Y && y < face.Y + face.Height
            ? (byte)(value * 0.33f)
            : (byte)(255 - ((255 - value) * 0.3f)));

    /// <summary>The whole photo shrunk so the face is <paramref name="faceWidth"/> pixels wide.</summary>
    public static FaceImage Shrunk(FaceImage image, in DetectedFace face, float faceWidth)
    {
        var scale = faceWidth / face.Width;
        var shrunk = new FaceImage(Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)));
        new BilinearResize().Resize(image, shrunk);
        return shrunk;
    }

    private static FaceImage Copy(FaceImage image)
    {
        var copy = new FaceImage(image.Width, image.Height);
        image.Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    private static FaceImage Map(FaceImage image, Func<int, int, byte, byte> map)
    {
        var copy = Copy(image);
        for (var y = 0; y < copy.Height; y++)
        {
            var row = copy.Row(y);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = map(i / 3, y, row[i]);
            }
        }

        return copy;
    }

    /// <summary>A running-sum box blur along rows or columns, edges averaged over the pixels that exist.</summary>
    private static void BoxBlur(Span<byte> source, Span<byte> destination, int width, int height, int radius, bool horizontal)
    {
        var (length, lines) = horizontal ? (width, height) : (height, width);
        for (var line = 0; line < lines; line++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                int sum = 0, count = 0;
                for (var k = 0; k < Math.Min(length, radius); k++)
                {
                    sum += source[Index(k)];
                    count++;
                }

                for (var at = 0; at < length; at++)
                {
                    if (at + radius < length)
                    {
                        sum += source[Index(at + radius)];
                        count++;
                    }

                    if (at - radius - 1 >= 0)
                    {
                        sum -= source[Index(at - radius - 1)];
                        count--;
                    }

                    destination[Index(at)] = (byte)(sum / count);
                }

                int Index(int position) => horizontal ? (((line * width) + position) * 3) + channel : (((position * width) + line) * 3) + channel;
            }
        }
    }
}
