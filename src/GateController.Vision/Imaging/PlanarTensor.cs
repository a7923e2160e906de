using GateController.Vision.Models;

namespace GateController.Vision.Imaging;

/// <summary>Writes a BGR image into an NCHW float tensor following a model's input contract.</summary>
internal static class PlanarTensor
{
    /// <summary>
    /// Fills the top-left <paramref name="image"/>-sized region of a 1x3x<paramref name="tensorHeight"/>x<paramref name="tensorWidth"/>
    /// tensor. The rest (the bottom/right padding) is left as it is, so a buffer zeroed once stays zero-padded.
    /// </summary>
    public static void Fill(FaceImage image, Span<float> tensor, int tensorWidth, int tensorHeight, ModelInputContract contract)
    {
        int width = image.Width, height = image.Height;
        var plane = tensorWidth * tensorHeight;
        if (width > tensorWidth || height > tensorHeight || tensor.Length < 3 * plane)
        {
            throw new ArgumentException($"A {width}x{height} image does not fit a 3x{tensorHeight}x{tensorWidth} tensor.");
        }

        // Source offsets for tensor planes 0,1,2: BGR keeps B,G,R; RGB takes R,G,B.
        int c0 = contract.ChannelOrder == ChannelOrder.Bgr ? 0 : 2, c2 = 2 - c0;
        var (alpha0, beta0) = contract.ChannelAffine(0);
        var (alpha1, beta1) = contract.ChannelAffine(1);
        var (alpha2, beta2) = contract.ChannelAffine(2);
        var plane0 = tensor[..plane];
        var plane1 = tensor.Slice(plane, plane);
        var plane2 = tensor.Slice(2 * plane, plane);
        for (var y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            var offset = y * tensorWidth;
            for (var x = 0; x < width; x++)
            {
                var pixel = 3 * x;
                plane0[offset + x] = (row[pixel + c0] * alpha0) + beta0;
                plane1[offset + x] = (row[pixel + 1] * alpha1) + beta1;
                plane2[offset + x] = (row[pixel + c2] * alpha2) + beta2;
            }
        }
    }
}
