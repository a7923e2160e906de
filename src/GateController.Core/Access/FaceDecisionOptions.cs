using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

public sealed class FaceDecisionOptions
{
    public const string Section = "Face";

    /// <summary>
    /// Cosine similarity at or above which a face opens the door. Calibrated on ../shared/faces
    /// (README, "Calibration"): it keeps the false accept rate at zero on that set.
    /// </summary>
    public const float DefaultMatchThreshold = 0.45f;

    [Range(0.0, 1.0)]
    public float MatchThreshold { get; set; } = DefaultMatchThreshold;
}

[OptionsValidator]
public sealed partial class FaceDecisionOptionsValidator : IValidateOptions<FaceDecisionOptions>;
