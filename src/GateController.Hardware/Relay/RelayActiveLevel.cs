namespace GateController.Hardware.Relay;

/// <summary>The pin level that energises the relay. Most opto-isolated hobby relay boards are active-low.</summary>
public enum RelayActiveLevel
{
    High,
    Low,
}
