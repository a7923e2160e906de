using GateController.Vision.Quality;

namespace GateController.Vision.Pipeline;

/// <summary>
/// Stops the chain for a face not worth embedding (too small, turned away, badly lit, blurred), saying why; or, with
/// <paramref name="refuses"/> off, only records the verdict (an upload: the daemon decides what it means).
/// </summary>
internal sealed class AssessQualityStage(FaceQualityGate gate, bool refuses) : IFaceFrameStage
{
    public string Name => "quality";

    public void Process(FaceFrameContext context)
    {
        if (context.Aligned is not { } aligned)
        {
            return;
        }

        context.Quality = gate.Assess(context.Frame, context.Faces[context.SelectedFace], aligned);
        if (refuses && context.Quality != FaceQuality.Good)
        {
            context.Stop("quality");
        }
    }
}
