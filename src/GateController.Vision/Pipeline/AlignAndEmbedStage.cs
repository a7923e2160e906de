using GateController.Vision.Alignment;
using GateController.Vision.Embedding;
using GateController.Vision.Imaging;

namespace GateController.Vision.Pipeline;

/// <summary>Aligns the selected face from the full-resolution frame and embeds it. Reuses one crop.</summary>
internal sealed class AlignAndEmbedStage(IFaceEmbedder embedder) : IFaceFrameStage, IDisposable
{
    private readonly FaceImage _crop = new(ArcFaceTemplate.Size, ArcFaceTemplate.Size);

    public string Name => "alignEmbed";

    public void Process(FaceFrameContext context)
    {
        if (context.SelectedFace < 0)
        {
            return;
        }

        FaceAligner.AlignInto(context.Frame, context.Faces[context.SelectedFace].Landmarks, _crop);
        embedder.Embed(_crop, context.Embedding);
        context.HasEmbedding = true;
    }

    public void Dispose()
    {
        _crop.Dispose();
    }
}
