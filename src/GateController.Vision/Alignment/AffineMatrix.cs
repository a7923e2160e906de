using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Alignment;

/// <summary>
/// A reusable 2x3 CV_64F warp matrix and its OpenCV input proxy, so aligning a face per frame allocates
/// neither a managed array nor a Mat wrapper (Mat.FromPixelData pins a new array each time).
/// </summary>
internal sealed class AffineMatrix : IDisposable
{
    private readonly Mat _mat = new(2, 3, MatType.CV_64FC1, Scalar.All(0));
    private readonly MatArrays _arrays;

    public AffineMatrix() => _arrays = new MatArrays(_mat);

    /// <summary>The matrix's native proxies, for the warp after <see cref="Set"/>.</summary>
    public MatArrays Arrays => _arrays;

    /// <summary>[a −b tx; b a ty], the layout cv::warpAffine expects.</summary>
    public unsafe void Set(in SimilarityTransform t)
    {
        var values = new Span<double>((void*)_mat.DataPointer, 6);
        values[0] = t.A;
        values[1] = -t.B;
        values[2] = t.TranslateX;
        values[3] = t.B;
        values[4] = t.A;
        values[5] = t.TranslateY;
    }

    public void Dispose()
    {
        _arrays.Dispose();
        _mat.Dispose();
    }
}
