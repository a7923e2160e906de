using GateController.Core.Access;

namespace GateController.Vision.Pipeline;

/// <summary>
/// The result of one frame: every face, the deciding (largest) face first with its best match (null when
/// no one is enrolled), and how long each stage took.
/// </summary>
public sealed record FaceAnalysis(IReadOnlyList<AnalyzedFace> Faces, IReadOnlyList<StageTiming> Timings)
{
    public AnalyzedFace? Deciding => Faces.Count > 0 ? Faces[0] : null;

    /// <summary>The credential for the decision engine, or null when there is no face to decide on.</summary>
    public FaceMatchCredential? ToCredential() => Deciding?.ToCredential();
}
