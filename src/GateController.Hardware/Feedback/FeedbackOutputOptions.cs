using System.ComponentModel.DataAnnotations;

namespace GateController.Hardware.Feedback;

/// <summary>One feedback output: its GPIO line (or none) and its active level.</summary>
public sealed class FeedbackOutputOptions
{
    /// <summary>Not wired.</summary>
    public const int NoPin = -1;

    [Range(NoPin, 1023, ErrorMessage = "Feedback Pin must be a GPIO line number from 0 to 1023, or -1 when not wired.")]
    public int Pin { get; set; } = NoPin;

    [EnumDataType(typeof(FeedbackActiveLevel), ErrorMessage = "Feedback ActiveLevel must be High or Low.")]
    public FeedbackActiveLevel ActiveLevel { get; set; } = FeedbackActiveLevel.High;
}
