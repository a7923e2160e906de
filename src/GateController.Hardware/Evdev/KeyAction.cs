namespace GateController.Hardware.Evdev;

/// <summary>The <c>value</c> of an <c>EV_KEY</c> event.</summary>
public enum KeyAction
{
    Release = 0,
    Press = 1,

    /// <summary>Auto-repeat while a key is held; never a new key stroke.</summary>
    Repeat = 2,
}
