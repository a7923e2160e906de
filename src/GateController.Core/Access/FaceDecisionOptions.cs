using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Core.Access;

public sealed class FaceDecisionOptions
{
    public const string Section = "Face";

    /// <summary>
    /// Cosine similarity at or above which a face opens the door. Calibrated on ../shared/faces
    /// (README, "Calibration"; YuNet + MobileFaceNet foamliu int8; gallery = photo 01 of 26 persons, 163 probes,
    /// 4,075 impostor pairs): the highest impostor was 0.431, so FAR is 0 from 0.44 up (TAR 87.7 %).
    /// 0.45 (TAR 87.1 %; the fp32 model: 87.7 %) keeps a 0.02 margin over that impostor: at a gate a false
    /// accept lets a stranger in, while a false reject costs a second frame or a card.
    /// </summary>
    public const float DefaultMatchThreshold = 0.45f;

    [Range(0.0, 1.0)]
    public float MatchThreshold { get; set; } = DefaultMatchThreshold;
}

[OptionsValidator]
public sealed partial class FaceDecisionOptionsValidator : IValidateOptions<FaceDecisionOptions>;
