using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GateController.Hardware.Evdev;

/// <summary>EVIOCGRAB: while we hold the device, no other reader (console, X, login prompt) sees its keys.</summary>
internal static partial class EvdevGrab
{
    // _IOW('E', 0x90, int) from include/uapi/linux/input.h: dir write (1) << 30 | size 4 << 16 | 'E' (0x45) << 8 | 0x90.
    private const uint GrabRequest = 0x40044590;

    /// <summary>errno ENOTTY: the file is not a device that knows this ioctl (a FIFO, a recording).</summary>
    public const int NotATypewriter = 25;

    /// <summary>errno EINVAL: what some file systems answer for an ioctl they do not know.</summary>
    public const int InvalidArgument = 22;

    /// <summary>errno EBUSY: another process holds the grab.</summary>
    public const int Busy = 16;

    /// <summary>True for the answers of a file that is not an input device at all (a FIFO or a recording in tests).</summary>
    public static bool IsNotAnInputDevice(int errno) => errno is NotATypewriter or InvalidArgument;

    /// <summary>Grabs the device; the kernel releases the grab when the descriptor is closed.</summary>
    /// <returns>0, or the errno of the failed ioctl.</returns>
    public static int TryGrab(SafeFileHandle device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Ioctl(device, GrabRequest, 1) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    // ioctl is variadic in C; passing one int argument matches the variadic convention on x86-64 and Linux arm64.
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(SafeFileHandle fd, nuint request, int value);
}
