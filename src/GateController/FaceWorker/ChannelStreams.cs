using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GateController.FaceWorker;

/// <summary>
/// The face process's channel: frames from the daemon on standard input, frames to it on a private copy of
/// standard output. File descriptor 1 itself is then pointed at standard error, so a stray print from a native
/// library (ONNX Runtime, SkiaSharp's decoders) lands in the journal instead of corrupting the channel.
/// </summary>
internal static partial class ChannelStreams
{
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    public static (Stream FromDaemon, Stream ToDaemon) TakeOver()
    {
        var channel = Dup(StandardOutput);
        if (channel < 0 || Dup2(StandardError, StandardOutput) < 0)
        {
            throw new IOException($"cannot set up the face channel (errno {Marshal.GetLastPInvokeError()})");
        }

        var toDaemon = new FileStream(new SafeFileHandle(channel, ownsHandle: true), FileAccess.Write, bufferSize: 0);
        var fromDaemon = new FileStream(new SafeFileHandle(StandardInput, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        return (fromDaemon, toDaemon);
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int descriptor, int target);
}
