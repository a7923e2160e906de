namespace GateController.Hardware.Feedback;

/// <summary>
/// The level that turns an output on. Wiegand readers' LED and beeper wires are active low (pulled up
/// inside the reader; ground them to switch on), so through an open-collector transistor the GPIO is
/// active high; a buzzer module on a GPIO directly is usually active high too.
/// </summary>
public enum FeedbackActiveLevel
{
    High,
    Low,
}
