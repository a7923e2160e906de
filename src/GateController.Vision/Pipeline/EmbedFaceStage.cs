using GateController.Vision.Embedding;

namespace GateController.Vision.Pipeline;

/// <summary>Embeds the aligned crop of a face that passed the stages before it.</summary>
internal sealed class EmbedFaceStage(IFaceEmbedder embedder) : IFaceFrameStage
{
    public string Name => "embed";

    public void Process(FaceFrameContext context)
    {
        if (context.Aligned is { } aligned)
        {
            embedder.Embed(aligned, context.Embedding);
            context.HasEmbedding = true;
        }
    }
}
