using OpenCvSharp;
using OpenCvSharp.Internal;

namespace GateController.Vision.Imaging;

/// <summary>
/// Native cv::_InputArray and cv::_OutputArray proxies for one Mat, made once and reused. OpenCvSharp's Cv2
/// wrappers take managed InputArray/OutputArray objects, and an OutputArray disposes itself after every call
/// (OutputArray.Fix), so each Cv2 call allocates two or three finalizable proxies; the per-frame face path
/// calls the same native functions through <see cref="ImageOperations"/> with these instead.
/// </summary>
internal sealed class MatArrays : IDisposable
{
    private readonly Mat _mat;
    private IntPtr _input;
    private IntPtr _output;

    public MatArrays(Mat mat)
    {
        _mat = mat;
        NativeMethods.HandleException(NativeMethods.core_InputArray_new_byMat(mat.CvPtr, out _input));
        NativeMethods.HandleException(NativeMethods.core_OutputArray_new_byMat(mat.CvPtr, out _output));
        GC.KeepAlive(mat);
    }

    /// <summary>The proxies point at the Mat object, so they stay valid when OpenCV reallocates its pixels.</summary>
    public IntPtr Input
    {
        get
        {
            ObjectDisposedException.ThrowIf(_input == IntPtr.Zero || _mat.IsDisposed, this);
            return _input;
        }
    }

    public IntPtr Output
    {
        get
        {
            ObjectDisposedException.ThrowIf(_output == IntPtr.Zero || _mat.IsDisposed, this);
            return _output;
        }
    }

    /// <summary>Keeps the Mat alive until a native call that uses these proxies has returned.</summary>
    public void KeepAlive() => GC.KeepAlive(_mat);

    public void Dispose()
    {
        if (_input != IntPtr.Zero)
        {
            NativeMethods.HandleException(NativeMethods.core_InputArray_delete(_input));
            _input = IntPtr.Zero;
        }

        if (_output != IntPtr.Zero)
        {
            NativeMethods.HandleException(NativeMethods.core_OutputArray_delete(_output));
            _output = IntPtr.Zero;
        }
    }
}
