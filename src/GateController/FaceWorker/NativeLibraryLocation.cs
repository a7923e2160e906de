using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace GateController.FaceWorker;

/// <summary>
/// Points ONNX Runtime at a native library directory other than the bundled one (a Jetson's CUDA/TensorRT
/// build of libonnxruntime.so, say). A library that is not there fails to load like a missing one would,
/// which is exactly what <see cref="FaceModelsOpener"/> must survive and report.
/// </summary>
internal static class NativeLibraryLocation
{
    private const string OnnxRuntime = "onnxruntime";

    public static void Use(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(InferenceSession).Assembly, (name, _, _) =>
            string.Equals(name, OnnxRuntime, StringComparison.Ordinal)
                ? NativeLibrary.Load(Path.Combine(directory, $"lib{OnnxRuntime}.so"))
                : IntPtr.Zero);
    }

    /// <summary>The native library a load failure names, if the exception is one.</summary>
    public static string? DescribeLoadFailure(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                return FirstLine(inner.Message);
            }
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
