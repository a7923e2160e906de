using Microsoft.Extensions.Options;

namespace GateController.Core.FaceTracking;

/// <summary>The ranges (generated) and what no attribute can say: k cannot exceed n.</summary>
public sealed class FaceTrackingOptionsValidator : IValidateOptions<FaceTrackingOptions>
{
    private readonly FaceTrackingOptionsRangeValidator _ranges = new();

    public ValidateOptionsResult Validate(string? name, FaceTrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ranges = _ranges.Validate(name, options);
        if (ranges.Failed || options.RequiredMatchingFrames <= options.WindowFrames)
        {
            return ranges;
        }

        return ValidateOptionsResult.Fail(
            $"{FaceTrackingOptions.Section}:{nameof(FaceTrackingOptions.RequiredMatchingFrames)} is {options.RequiredMatchingFrames}; " +
            $"expected at most {FaceTrackingOptions.Section}:{nameof(FaceTrackingOptions.WindowFrames)} ({options.WindowFrames}): k matching frames out of the last n.");
    }
}

[OptionsValidator]
internal sealed partial class FaceTrackingOptionsRangeValidator : IValidateOptions<FaceTrackingOptions>;
