using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

public sealed class FaceDecisionOptions
{
    public const string Section = "Face";

    /// <summary>
    /// Cosine similarity at or above which a face opens the door. Calibrated on ../shared/faces
    /// (README, "Calibration"; YuNet + MobileFaceNet foamliu; gallery = photo 01 of 26 persons, 163 probes,
    /// 4,075 impostor pairs): the highest impostor was 0.429, so FAR is 0 from 0.43 up; TAR is 89.0 % at
    /// both 0.43 and 0.44 (87.7 % at 0.45), and 0.44 keeps the best TAR with the larger margin.
    /// </summary>
    public const float DefaultMatchThreshold = 0.44f;

    [Range(0.0, 1.0)]
    public float MatchThreshold { get; set; } = DefaultMatchThreshold;
}

[OptionsValidator]
public sealed partial class FaceDecisionOptionsValidator : IValidateOptions<FaceDecisionOptions>;
