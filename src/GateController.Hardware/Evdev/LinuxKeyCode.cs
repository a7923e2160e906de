namespace GateController.Hardware.Evdev;

/// <summary>The Linux key codes we map, from <c>include/uapi/linux/input-event-codes.h</c>.</summary>
internal static class LinuxKeyCode
{
    public const ushort EventTypeKey = 1; // EV_KEY

    public const ushort Escape = 1;
    public const ushort Digit1 = 2; // KEY_1..KEY_9 are 2..10, KEY_0 is 11
    public const ushort Digit0 = 11;
    public const ushort Backspace = 14;
    public const ushort E = 18;
    public const ushort Enter = 28;
    public const ushort A = 30;
    public const ushort D = 32;
    public const ushort F = 33;
    public const ushort LeftShift = 42;
    public const ushort C = 46;
    public const ushort B = 48;
    public const ushort RightShift = 54;
    public const ushort KeypadAsterisk = 55;
    public const ushort Keypad7 = 71;
    public const ushort Keypad8 = 72;
    public const ushort Keypad9 = 73;
    public const ushort Keypad4 = 75;
    public const ushort Keypad5 = 76;
    public const ushort Keypad6 = 77;
    public const ushort Keypad1 = 79;
    public const ushort Keypad2 = 80;
    public const ushort Keypad3 = 81;
    public const ushort Keypad0 = 82;
    public const ushort KeypadEnter = 96;
}
