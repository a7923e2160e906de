namespace GateController.Hardware.Wiegand;

/// <summary>One pulse of a simulated transmission: the line goes low at <see cref="FallingAt"/> and back high at <see cref="RisingAt"/>, both from the start of the frame.</summary>
public readonly record struct WiegandPulseTiming(WiegandLine Line, TimeSpan FallingAt, TimeSpan RisingAt);
