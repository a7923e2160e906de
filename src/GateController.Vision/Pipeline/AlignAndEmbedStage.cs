using GateController.Vision.Alignment;
using GateController.Vision.Embedding;
using GateController.Vision.Imaging;
using OpenCvSharp;

namespace GateController.Vision.Pipeline;

/// <summary>Aligns the selected face from the full-resolution frame and embeds it. Reuses one crop and one warp matrix.</summary>
internal sealed class AlignAndEmbedStage(IFaceEmbedder embedder) : IFaceFrameStage, IDisposable
{
    private readonly FaceImage _crop = new(new Mat(ArcFaceTemplate.Size, ArcFaceTemplate.Size, MatType.CV_8UC3, Scalar.All(0)));
    private readonly AffineMatrix _matrix = new();

    public string Name => "alignEmbed";

    public void Process(FaceFrameContext context)
    {
        if (context.SelectedFace < 0)
        {
            return;
        }

        FaceAligner.AlignInto(context.Frame, context.Faces[context.SelectedFace].Landmarks, _crop, _matrix);
        embedder.Embed(_crop, context.Embedding);
        context.HasEmbedding = true;
    }

    public void Dispose()
    {
        _matrix.Dispose();
        _crop.Dispose();
    }
}
