using System.ComponentModel.DataAnnotations;
using GateController.Vision.Liveness;
using Microsoft.Extensions.Options;

namespace GateController.Face;

/// <summary>Passive liveness (MiniFASNet) on the camera's faces: a grant needs a live frame.</summary>
public sealed class FaceLivenessOptions
{
    public const string Section = "Face:Liveness";

    /// <summary>On by default: without it a printed photo or a phone screen showing a resident opens the gate.</summary>
    public bool Required { get; set; } = true;

    /// <summary>
    /// Lowest P(real) that counts as live. The default is <see cref="LivenessScorer.DefaultThreshold"/> (0.5): measured on
    /// ../shared/faces and ../shared/liveness, 86.6 % of 149 genuine colour photos pass, upstream's attacks score 0.229 and 0.002.
    /// </summary>
    [Range(0.0, 1.0)]
    public float Threshold { get; set; } = LivenessScorer.DefaultThreshold;
}

[OptionsValidator]
public sealed partial class FaceLivenessOptionsValidator : IValidateOptions<FaceLivenessOptions>;
