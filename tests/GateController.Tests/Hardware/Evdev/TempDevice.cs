using System.Runtime.InteropServices;

namespace GateController.Tests.Hardware.Evdev;

/// <summary>A temp directory holding a stand-in for <c>/dev/input/by-id/...</c>: a FIFO or a recorded file.</summary>
internal sealed partial class TempDevice : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gate-evdev-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "usb-Test_Reader-event-kbd");

    public void MakeFifo()
    {
        if (MakeFifo(Path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"mkfifo {Path} failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
