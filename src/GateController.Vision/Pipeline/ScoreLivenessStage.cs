using GateController.Vision.Liveness;

namespace GateController.Vision.Pipeline;

/// <summary>
/// P(real) of the selected face. It only scores: whether that is live enough is the daemon's decision, with its
/// threshold, so the worker embeds a spoof too and the daemon sees what was attempted.
/// </summary>
internal sealed class ScoreLivenessStage(LivenessScorer scorer) : IFaceFrameStage
{
    public string Name => "liveness";

    public void Process(FaceFrameContext context)
    {
        if (context.SelectedFace >= 0)
        {
            context.LivenessScore = scorer.Score(context.Frame, context.Faces[context.SelectedFace]);
        }
    }
}
