using OpenCvSharp;

namespace GateController.Vision.Imaging;

/// <summary>
/// An owned 8-bit 3-channel BGR image. OpenCV's <c>Mat</c> stays inside; the host only sees this type.
/// </summary>
public sealed class FaceImage : IDisposable
{
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Mat _mat;
    private MatArrays? _arrays;

    /// <summary>Takes ownership of a BGR <paramref name="mat"/> (CV_8UC3).</summary>
    internal FaceImage(Mat mat)
    {
        if (mat.Empty() || mat.Type() != MatType.CV_8UC3)
        {
            mat.Dispose();
            throw new ArgumentException("A FaceImage holds a non-empty 8-bit BGR image.", nameof(mat));
        }

        _mat = mat;
    }

    public int Width => _mat.Cols;

    public int Height => _mat.Rows;

    internal Mat Mat
    {
        get
        {
            ObjectDisposedException.ThrowIf(_mat.IsDisposed, this);
            return _mat;
        }
    }

    /// <summary>The Mat's native OpenCV proxies, made on first use and reused (see <see cref="MatArrays"/>).</summary>
    internal MatArrays Arrays => _arrays ??= new MatArrays(Mat);

    /// <summary>Decodes a JPEG or PNG (colour or greyscale) to BGR.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a readable JPEG or PNG.</exception>
    public static FaceImage Decode(ReadOnlySpan<byte> encoded, string source = "The image data")
    {
        if (!encoded.StartsWith(JpegMagic) && !encoded.StartsWith(PngMagic))
        {
            throw new ImageDecodeException(source, encoded.IsEmpty ? "it is empty" : "it does not start with a JPEG or PNG signature");
        }

        // ImreadModes.Color turns greyscale and palette images into 3-channel BGR and drops alpha.
        var mat = Cv2.ImDecode(encoded, ImreadModes.Color);
        if (mat.Empty())
        {
            mat.Dispose();
            throw new ImageDecodeException(source, "the decoder could not read it (corrupt or truncated)");
        }

        return new FaceImage(mat);
    }

    /// <exception cref="ImageDecodeException">The file is missing or is not a readable JPEG or PNG.</exception>
    public static FaceImage Load(string path)
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

        return Decode(bytes, path);
    }

    /// <summary>Encodes as PNG; for tests, tools and debugging snapshots.</summary>
    public byte[] EncodePng() => Mat.ToBytes(".png");

    public void Dispose()
    {
        _arrays?.Dispose();
        _mat.Dispose();
    }
}
