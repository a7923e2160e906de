namespace GateController.Hardware.Evdev;

/// <summary>
/// Size of one Linux <c>struct input_event</c> as the kernel writes it to user space
/// (<c>include/uapi/linux/input.h</c>): a <c>timeval</c> of two longs, then u16 type, u16 code, s32 value.
/// </summary>
public enum InputEventLayout
{
    /// <summary>64-bit kernels (aarch64 Raspberry Pi OS, Jetson, x86-64): 8 + 8 + 2 + 2 + 4 = 24 bytes.</summary>
    Bits64 = 24,

    /// <summary>32-bit kernels (armhf Raspberry Pi OS): 4 + 4 + 2 + 2 + 4 = 16 bytes.</summary>
    Bits32 = 16,
}
