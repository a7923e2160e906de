using OpenCvSharp;
using OpenCvSharp.Internal;

namespace GateController.Vision.Imaging;

/// <summary>
/// The OpenCV calls of the per-frame path, made on reused <see cref="MatArrays"/> so they allocate nothing
/// (see there why Cv2's wrappers do). Same native functions, same arguments, so the same pixels as Cv2.
/// </summary>
internal static class ImageOperations
{
    public static void Resize(MatArrays source, MatArrays destination, Size size, InterpolationFlags interpolation)
    {
        NativeMethods.HandleException(NativeMethods.imgproc_resize(source.Input, destination.Output, size, 0, 0, (int)interpolation));
        source.KeepAlive();
        destination.KeepAlive();
    }

    public static void WarpAffine(MatArrays source, MatArrays destination, MatArrays matrix, Size size, InterpolationFlags interpolation, BorderTypes border, Scalar borderValue)
    {
        NativeMethods.HandleException(NativeMethods.imgproc_warpAffine(
            source.Input, destination.Output, matrix.Input, size, (int)interpolation, (int)border, borderValue));
        source.KeepAlive();
        destination.KeepAlive();
        matrix.KeepAlive();
    }

    /// <summary>cv::cvtColor keeps the source's pixels alive while it re-creates the destination, so source and destination may be one Mat.</summary>
    public static void CvtColor(MatArrays source, MatArrays destination, ColorConversionCodes code)
    {
        NativeMethods.HandleException(NativeMethods.imgproc_cvtColor(source.Input, destination.Output, (int)code, 0));
        source.KeepAlive();
        destination.KeepAlive();
    }
}
