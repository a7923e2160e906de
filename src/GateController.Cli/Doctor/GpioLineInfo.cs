using System.Runtime.InteropServices;
using System.Text;

namespace GateController.Cli.Doctor;

/// <summary>
/// Who holds a GPIO line, from the kernel's character device (GPIO_V2_GET_LINEINFO_IOCTL, linux/gpio.h): the line's
/// consumer and whether it is in use. Reading line info claims nothing, so it is safe while the daemon runs.
/// </summary>
internal static partial class GpioLineInfo
{
    // struct gpio_v2_line_info: name[32], consumer[32], offset, num_attrs, flags (u64), attrs[10] (16 bytes each), padding[4].
    private const int InfoBytes = 256;
    private const uint GetLineInfo = 0xC100B405; // _IOWR(0xB4, 0x05, struct gpio_v2_line_info)
    private const ulong FlagUsed = 1;

    /// <returns>Null when the line does not exist on the chip (the ioctl fails), else whether it is used and by whom.</returns>
    public static (bool Used, string Consumer)? Read(SafeHandle chip, int line)
    {
        var info = new byte[InfoBytes];
        BitConverter.TryWriteBytes(info.AsSpan(64, 4), (uint)line);
        if (Ioctl(chip, GetLineInfo, info) != 0)
        {
            return null;
        }

        var consumer = Encoding.ASCII.GetString(info, 32, 32).TrimEnd('\0');
        return ((BitConverter.ToUInt64(info, 72) & FlagUsed) != 0, consumer);
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(SafeHandle descriptor, uint request, byte[] argument);
}
