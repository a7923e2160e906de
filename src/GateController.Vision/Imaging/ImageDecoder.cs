using System.Runtime.InteropServices;
using SkiaSharp;

namespace GateController.Vision.Imaging;

/// <summary>
/// JPEG and PNG through SkiaSharp's codecs: the header first (its declared size against the limit, before any pixel
/// memory), then the pixels as unpremultiplied BGRA without colour management (as OpenCV's imdecode did), kept as BGR.
/// </summary>
internal static class ImageDecoder
{
    /// <summary>JPEG rows are decoded a strip at a time, so a large photo never needs a second, 4-byte copy of itself.</summary>
    private const int RowsPerStrip = 16;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static unsafe FaceImage Decode(ReadOnlySpan<byte> encoded, string source, ImageSizeLimit limit)
    {
        if (!encoded.StartsWith(JpegMagic) && !encoded.StartsWith(PngMagic))
        {
            throw new ImageDecodeException(source, encoded.IsEmpty ? "it is empty" : "it does not start with a JPEG or PNG signature");
        }

        fixed (byte* bytes = encoded)
        {
            // Wraps the caller's bytes without a copy; the codec is done with them before the block ends.
            using var data = SKData.Create((IntPtr)bytes, encoded.Length);
            using var codec = SKCodec.Create(data)
                ?? throw new ImageDecodeException(source, "the decoder could not read its header (corrupt or truncated)");
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            limit.Check(source, width, height);
            var image = new FaceImage(width, height);
            try
            {
                var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
                if (codec.StartScanlineDecode(info) == SKCodecResult.Success && codec.ScanlineOrder == SKCodecScanlineOrder.TopDown)
                {
                    DecodeStrips(codec, image, source);
                }
                else
                {
                    DecodeWhole(codec, info, image, source);
                }

                return ExifOrientation.Apply(image, codec.EncodedOrigin);
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }
    }

    private static unsafe void DecodeStrips(SKCodec codec, FaceImage image, string source)
    {
        var rowBytes = 4 * image.Width;
        var strip = (byte*)NativeMemory.Alloc((nuint)rowBytes * RowsPerStrip);
        try
        {
            for (var y = 0; y < image.Height; y += RowsPerStrip)
            {
                var rows = Math.Min(RowsPerStrip, image.Height - y);
                if (codec.GetScanlines((IntPtr)strip, rows, rowBytes) != rows)
                {
                    throw new ImageDecodeException(source, $"it is truncated (rows from {y} of {image.Height} are missing)");
                }

                PixelRows.BgraToBgr(new ReadOnlySpan<byte>(strip, rows * rowBytes), image.Pixels.Slice(y * image.Stride, rows * image.Stride));
            }
        }
        finally
        {
            NativeMemory.Free(strip);
        }
    }

    /// <summary>PNG has no scanline decoder in Skia: the whole image is decoded as BGRA and then narrowed.</summary>
    private static unsafe void DecodeWhole(SKCodec codec, SKImageInfo info, FaceImage image, string source)
    {
        var length = (long)info.RowBytes * info.Height;
        var whole = (byte*)NativeMemory.Alloc((nuint)length);
        try
        {
            var result = codec.GetPixels(info, (IntPtr)whole);
            if (result != SKCodecResult.Success)
            {
                throw new ImageDecodeException(source, result == SKCodecResult.IncompleteInput
                    ? "it is truncated"
                    : $"the decoder could not read it ({result})");
            }

            for (var y = 0; y < image.Height; y++)
            {
                PixelRows.BgraToBgr(new ReadOnlySpan<byte>(whole + ((long)y * info.RowBytes), info.RowBytes), image.Row(y));
            }
        }
        finally
        {
            NativeMemory.Free(whole);
        }
    }
}
