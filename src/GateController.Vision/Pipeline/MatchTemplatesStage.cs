using GateController.Vision.Matching;

namespace GateController.Vision.Pipeline;

internal sealed class MatchTemplatesStage(TemplateIndex index) : IFaceFrameStage
{
    public string Name => "match";

    public void Process(FaceFrameContext context)
    {
        if (context.HasEmbedding && index.Count > 0)
        {
            context.Match = index.FindBest(context.Embedding);
        }
    }
}
