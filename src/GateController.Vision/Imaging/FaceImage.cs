namespace GateController.Vision.Imaging;

/// <summary>
/// An owned 8-bit BGR image, rows packed (3 bytes a pixel, no padding). Decoded by SkiaSharp; resized and warped by
/// hand-written code, so no native image library crosses a layer. A pooled camera frame reuses one across frames.
/// </summary>
public sealed class FaceImage : IDisposable
{
    private byte[] _pixels;
    private bool _disposed;

    /// <summary>A black <paramref name="width"/> × <paramref name="height"/> image.</summary>
    internal FaceImage(int width, int height)
    {
        _pixels = [];
        Reshape(width, height);
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Bytes per row.</summary>
    internal int Stride => 3 * Width;

    /// <summary>The B, G, R bytes of every pixel, row by row.</summary>
    internal Span<byte> Pixels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _pixels.AsSpan(0, Stride * Height);
        }
    }

    /// <summary>The bytes of row <paramref name="y"/>.</summary>
    internal Span<byte> Row(int y) => Pixels.Slice(y * Stride, Stride);

    /// <summary>
    /// Makes this a <paramref name="width"/> × <paramref name="height"/> image, keeping the memory when it is big
    /// enough (a camera's frames keep one size, so the pool allocates once). The pixels are then undefined.
    /// </summary>
    internal void Reshape(int width, int height)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ImageSizeLimit.Largest.ThrowIfInvalid(width, height);
        var length = 3 * width * height;
        if (_pixels.Length < length)
        {
            _pixels = GC.AllocateUninitializedArray<byte>(length);
        }

        Width = width;
        Height = height;
    }

    /// <summary>Decodes a JPEG or PNG (colour, greyscale or palette; alpha dropped; EXIF orientation applied) to BGR.</summary>
    /// <param name="source">Names the image in error messages (a file name, an upload's name).</param>
    /// <param name="limit">Checked against the size the header declares, before any pixel memory is taken.</param>
    /// <exception cref="ImageDecodeException">The bytes are not a readable JPEG or PNG.</exception>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than <paramref name="limit"/> allows.</exception>
    public static FaceImage Decode(ReadOnlySpan<byte> encoded, string source = "The image data", ImageSizeLimit? limit = null) =>
        ImageDecoder.Decode(encoded, source, limit ?? ImageSizeLimit.Largest);

    /// <exception cref="ImageDecodeException">The file is missing or is not a readable JPEG or PNG.</exception>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than <paramref name="limit"/> allows.</exception>
    public static FaceImage Load(string path, ImageSizeLimit? limit = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException(path, exception.Message);
        }

        return Decode(bytes, path, limit);
    }

    /// <summary>Encodes as PNG; for tests, tools and debugging snapshots.</summary>
    public byte[] EncodePng() => PngEncoding.Encode(this);

    /// <summary>A photo of a face is biometric data: it is wiped here rather than left for the collector.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            Array.Clear(_pixels);
            _pixels = [];
            _disposed = true;
        }
    }
}
