namespace GateController.Hardware.DoorInputs;

/// <summary>The pin's bias: the Pi's internal ~50 kΩ pull-up or pull-down, or none when the wiring has its own resistor.</summary>
public enum InputPull
{
    Up,
    Down,
    None,
}
