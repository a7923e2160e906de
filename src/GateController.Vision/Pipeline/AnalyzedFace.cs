using GateController.Core.Access;
using GateController.Vision.Detection;
using GateController.Vision.Matching;
using GateController.Vision.Quality;

namespace GateController.Vision.Pipeline;

/// <summary>
/// A face of an analysed frame; only the deciding (largest) face carries a match, its quality and its P(real) (NaN when
/// liveness did not run). A deciding face refused by quality has no match: it was not embedded.
/// </summary>
public readonly record struct AnalyzedFace(DetectedFace Detection, TemplateMatch? Match, FaceQuality Quality = FaceQuality.Good, float LivenessScore = float.NaN)
{
    /// <summary>
    /// Who this face is most like (no one when nobody is enrolled), read without allocating, so the camera
    /// loop can throttle before it builds a credential.
    /// </summary>
    public TemplateMatch MatchOrNone => Match ?? TemplateMatch.None;

    /// <summary>The credential for the decision engine (a new object: build it only to submit it).</summary>
    public FaceMatchCredential ToCredential()
    {
        var match = MatchOrNone;
        return new FaceMatchCredential(match.PersonId, match.Similarity, match.SecondPersonId, match.SecondSimilarity);
    }
}
