using System.Runtime.InteropServices;
using SkiaSharp;

namespace GateController.Vision.Imaging;

/// <summary>PNG out through SkiaSharp (opaque BGRA, as Skia has no 3-byte colour type).</summary>
internal static class PngEncoding
{
    public static unsafe byte[] Encode(FaceImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        var length = (long)info.RowBytes * info.Height;
        var bgra = (byte*)NativeMemory.Alloc((nuint)length);
        try
        {
            for (var y = 0; y < image.Height; y++)
            {
                PixelRows.BgrToBgra(image.Row(y), new Span<byte>(bgra + ((long)y * info.RowBytes), info.RowBytes));
            }

            using var pixmap = new SKPixmap(info, (IntPtr)bgra, info.RowBytes);
            using var data = pixmap.Encode(SKPngEncoderOptions.Default)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width}x{image.Height} PNG.");
            return data.ToArray();
        }
        finally
        {
            NativeMemory.Free(bgra);
        }
    }
}
