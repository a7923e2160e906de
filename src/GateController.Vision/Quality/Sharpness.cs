using GateController.Vision.Imaging;

namespace GateController.Vision.Quality;

/// <summary>
/// Variance of the Laplacian (kernel 0 1 0 / 1 −4 1 / 0 1 0, cv::Laplacian's ksize 1) of the luma, over the crop's
/// interior pixels (no border rule needed). High for detail, low for blur. Reuses one luma buffer.
/// </summary>
internal sealed class Sharpness
{
    private byte[] _luma = [];

    public float Of(FaceImage crop)
    {
        int width = crop.Width, height = crop.Height;
        if (width < 3 || height < 3)
        {
            return 0;
        }

        if (_luma.Length != width * height)
        {
            _luma = new byte[width * height];
        }

        for (var y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = crop.Row(y);
            for (var x = 0; x < width; x++)
            {
                _luma[(y * width) + x] = (byte)Luminance.Of(row.Slice(3 * x, 3));
            }
        }

        double sum = 0, squares = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var at = (y * width) + x;
                double value = _luma[at - width] + _luma[at + width] + _luma[at - 1] + _luma[at + 1] - (4 * _luma[at]);
                sum += value;
                squares += value * value;
            }
        }

        var count = (double)(width - 2) * (height - 2);
        var mean = sum / count;
        return (float)((squares / count) - (mean * mean));
    }
}
