namespace GateController.Hardware.Evdev;

/// <summary>One <c>EV_KEY</c> record: which key (a Linux <c>KEY_*</c> code) and what happened to it.</summary>
public readonly record struct KeyEvent(ushort Code, KeyAction Action);
