namespace GateController.Vision.Imaging;

/// <summary>
/// The most pixels an image may declare, and the setting that says so (named in the refusal). It is checked
/// against the header before decoding, so a small file declaring a huge image never gets its memory.
/// </summary>
public readonly record struct ImageSizeLimit(long MaximumPixels, string Setting)
{
    /// <summary>What a <see cref="FaceImage"/> can hold at all: its BGR bytes fit one .NET array.</summary>
    public static ImageSizeLimit Largest { get; } = new(Array.MaxLength / 3, "the largest image a FaceImage holds");

    /// <exception cref="ImageTooLargeException">The image is larger than this limit or than <see cref="Largest"/>.</exception>
    public void Check(string source, int width, int height)
    {
        var pixels = (long)width * height;
        if (pixels > MaximumPixels)
        {
            throw new ImageTooLargeException(source, width, height, this);
        }

        if (pixels > Largest.MaximumPixels)
        {
            throw new ImageTooLargeException(source, width, height, Largest);
        }
    }

    internal void ThrowIfInvalid(int width, int height)
    {
        if (width <= 0 || height <= 0 || (long)width * height > MaximumPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}x{height} image is empty or larger than {MaximumPixels} pixels.");
        }
    }
}
