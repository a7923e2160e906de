namespace GateController.Hardware.Wiegand;

/// <summary>A pulse on D0 sends a 0 bit, a pulse on D1 a 1 bit.</summary>
public enum WiegandLine
{
    Data0,
    Data1,
}
