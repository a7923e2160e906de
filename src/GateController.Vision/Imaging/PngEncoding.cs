using System.Runtime.InteropServices;
using SkiaSharp;

namespace GateController.Vision.Imaging;

/// <summary>
/// PNG out through SkiaSharp (opaque BGRA, as Skia has no 3-byte colour type); <c>draw</c>, when given, paints on
/// the copy before it is encoded (the installer's overlay), never on the image itself.
/// </summary>
internal static class PngEncoding
{
    public static unsafe byte[] Encode(FaceImage image, Action<SKCanvas>? draw = null)
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

            if (draw is not null)
            {
                using var surface = SKSurface.Create(info, (IntPtr)bgra, info.RowBytes);
                draw(surface.Canvas);
                surface.Flush();
            }

            using var pixmap = new SKPixmap(info, (IntPtr)bgra, info.RowBytes);
            using var data = pixmap.Encode(SKPngEncoderOptions.Default)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width}x{image.Height} PNG.");
            return data.ToArray();
        }
        finally
        {
            // The copy is a photo of people: wiped before the memory goes back.
            new Span<byte>(bgra, checked((int)length)).Clear();
            NativeMemory.Free(bgra);
        }
    }
}
