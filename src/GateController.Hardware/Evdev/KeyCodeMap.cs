namespace GateController.Hardware.Evdev;

/// <summary>
/// Maps key events from a wedge card reader or a USB numeric pad to characters: digits (top row and
/// keypad), <c>*</c> (keypad asterisk or Shift+8), <c>#</c> (Shift+3), hex letters A-F for readers that
/// type UIDs in hex, and <see cref="EndOfEntry"/> for Enter and keypad Enter. Esc and Backspace clear
/// (<c>*</c>), because numeric pads have no asterisk-as-clear key of their own.
/// Only presses count: releases and auto-repeats are ignored, so a held key is one stroke.
/// It tracks the Shift keys, so it is stateful: one map per device, not thread-safe.
/// </summary>
public sealed class KeyCodeMap
{
    /// <summary>What Enter and keypad Enter map to: the end of a card number or a PIN.</summary>
    public const char EndOfEntry = '\n';

    private bool _leftShift;
    private bool _rightShift;

    private bool ShiftHeld => _leftShift || _rightShift;

    /// <summary>True when <paramref name="keyEvent"/> is a press of a mapped key.</summary>
    public bool TryMap(KeyEvent keyEvent, out char character)
    {
        character = '\0';
        switch (keyEvent.Code)
        {
            case LinuxKeyCode.LeftShift:
                _leftShift = keyEvent.Action != KeyAction.Release;
                return false;
            case LinuxKeyCode.RightShift:
                _rightShift = keyEvent.Action != KeyAction.Release;
                return false;
        }

        if (keyEvent.Action != KeyAction.Press)
        {
            return false;
        }

        character = keyEvent.Code switch
        {
            >= LinuxKeyCode.Digit1 and <= LinuxKeyCode.Digit0 => TopRow(keyEvent.Code),
            LinuxKeyCode.Keypad0 => '0',
            LinuxKeyCode.Keypad1 => '1',
            LinuxKeyCode.Keypad2 => '2',
            LinuxKeyCode.Keypad3 => '3',
            LinuxKeyCode.Keypad4 => '4',
            LinuxKeyCode.Keypad5 => '5',
            LinuxKeyCode.Keypad6 => '6',
            LinuxKeyCode.Keypad7 => '7',
            LinuxKeyCode.Keypad8 => '8',
            LinuxKeyCode.Keypad9 => '9',
            LinuxKeyCode.KeypadAsterisk or LinuxKeyCode.Escape or LinuxKeyCode.Backspace => '*',
            LinuxKeyCode.Enter or LinuxKeyCode.KeypadEnter => EndOfEntry,
            LinuxKeyCode.A => 'A',
            LinuxKeyCode.B => 'B',
            LinuxKeyCode.C => 'C',
            LinuxKeyCode.D => 'D',
            LinuxKeyCode.E => 'E',
            LinuxKeyCode.F => 'F',
            _ => '\0',
        };
        return character != '\0';
    }

    private char TopRow(ushort code)
    {
        var digit = code == LinuxKeyCode.Digit0 ? '0' : (char)('1' + (code - LinuxKeyCode.Digit1));
        if (!ShiftHeld)
        {
            return digit;
        }

        // US layout, which is what HID wedge readers and keypads emulate: Shift+3 is '#', Shift+8 is '*'.
        return digit switch
        {
            '3' => '#',
            '8' => '*',
            _ => '\0',
        };
    }
}
