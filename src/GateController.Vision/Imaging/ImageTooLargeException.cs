using System.Globalization;

namespace GateController.Vision.Imaging;

/// <summary>An image whose header declares more pixels than a <see cref="ImageSizeLimit"/> allows; it was never decoded.</summary>
public sealed class ImageTooLargeException(string source, int width, int height, ImageSizeLimit limit)
    : ImageDecodeException(source, string.Create(CultureInfo.InvariantCulture,
        $"{source} is {width} × {height} pixels ({(long)width * height:N0}), more than the limit of {limit.MaximumPixels:N0} ({limit.Setting}); it was not decoded"), innerException: null)
{
    public int Width { get; } = width;

    public int Height { get; } = height;
}
