namespace GateController.Hardware.Feedback;

/// <summary>The outputs a reader offers (its LED and beeper control wires) or that are added beside it.</summary>
public enum FeedbackLine
{
    GreenLed,
    RedLed,
    Beeper,
}
