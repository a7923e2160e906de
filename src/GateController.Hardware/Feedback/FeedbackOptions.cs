using Microsoft.Extensions.Options;

namespace GateController.Hardware.Feedback;

/// <summary>The feedback outputs of one reader or keypad (its <c>Feedback</c> section); unwired lines stay silent.</summary>
public sealed class FeedbackOptions
{
    [ValidateObjectMembers]
    public FeedbackOutputOptions GreenLed { get; set; } = new();

    [ValidateObjectMembers]
    public FeedbackOutputOptions RedLed { get; set; } = new();

    [ValidateObjectMembers]
    public FeedbackOutputOptions Beeper { get; set; } = new();

    public FeedbackOutputOptions For(FeedbackLine line) => line switch
    {
        FeedbackLine.GreenLed => GreenLed,
        FeedbackLine.RedLed => RedLed,
        FeedbackLine.Beeper => Beeper,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown feedback line."),
    };
}

[OptionsValidator]
public sealed partial class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>;
