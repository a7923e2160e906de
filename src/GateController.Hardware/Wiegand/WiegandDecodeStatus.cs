namespace GateController.Hardware.Wiegand;

public enum WiegandDecodeStatus
{
    Ok,

    /// <summary>The length matches an enabled format but its parity does not hold.</summary>
    BadParity,

    /// <summary>No enabled format has this many bits (short, long, or two frames run together).</summary>
    UnsupportedLength,

    /// <summary>Stray pulses: both lines low at once, or pulses closer than a reader sends them.</summary>
    Noise,
}
