using GateController.Vision.Models;
using OpenCvSharp;

namespace GateController.Vision.Imaging;

/// <summary>Writes a BGR image into an NCHW float tensor following a model's input contract.</summary>
internal static class PlanarTensor
{
    /// <summary>
    /// Fills the top-left <paramref name="image"/>-sized region of a 1x3x<paramref name="tensorHeight"/>x<paramref name="tensorWidth"/>
    /// tensor. The rest (the bottom/right padding) is left as it is, so a buffer zeroed once stays zero-padded.
    /// </summary>
    public static unsafe void Fill(Mat image, Span<float> tensor, int tensorWidth, int tensorHeight, ModelInputContract contract)
    {
        int width = image.Cols, height = image.Rows;
        var plane = tensorWidth * tensorHeight;
        if (image.Type() != MatType.CV_8UC3 || width > tensorWidth || height > tensorHeight || tensor.Length < 3 * plane)
        {
            throw new ArgumentException($"A {width}x{height} {image.Type()} image does not fit a 3x{tensorHeight}x{tensorWidth} tensor.");
        }

        // Source offsets for tensor planes 0,1,2: BGR keeps B,G,R; RGB takes R,G,B.
        int c0 = contract.ChannelOrder == ChannelOrder.Bgr ? 0 : 2, c2 = 2 - c0;
        var (alpha0, beta0) = contract.ChannelAffine(0);
        var (alpha1, beta1) = contract.ChannelAffine(1);
        var (alpha2, beta2) = contract.ChannelAffine(2);
        var step = image.Step();
        var data = (byte*)image.DataPointer;
        var plane0 = tensor[..plane];
        var plane1 = tensor.Slice(plane, plane);
        var plane2 = tensor.Slice(2 * plane, plane);
        for (var y = 0; y < height; y++)
        {
            var row = data + (y * step);
            var offset = y * tensorWidth;
            for (var x = 0; x < width; x++)
            {
                var pixel = row + (3 * x);
                plane0[offset + x] = (pixel[c0] * alpha0) + beta0;
                plane1[offset + x] = (pixel[1] * alpha1) + beta1;
                plane2[offset + x] = (pixel[c2] * alpha2) + beta2;
            }
        }
    }
}
