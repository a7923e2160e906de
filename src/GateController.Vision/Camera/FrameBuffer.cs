using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Camera;

/// <summary>The Mat a reader fills, with its native OpenCV proxies made once (see <see cref="MatArrays"/>).</summary>
internal sealed class FrameBuffer : IDisposable
{
    private MatArrays? _arrays;

    public Mat Mat { get; } = new();

    public MatArrays Arrays => _arrays ??= new MatArrays(Mat);

    public void Dispose()
    {
        _arrays?.Dispose();
        Mat.Dispose();
    }
}
