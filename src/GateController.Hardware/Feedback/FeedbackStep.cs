namespace GateController.Hardware.Feedback;

/// <summary>At <paramref name="At"/> after the pattern starts, switch <paramref name="Line"/> on or off.</summary>
public readonly record struct FeedbackStep(TimeSpan At, FeedbackLine Line, bool On);
