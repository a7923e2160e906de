using GateController.Vision.Alignment;
using GateController.Vision.Imaging;

namespace GateController.Vision.Pipeline;

/// <summary>Warps the selected face from the full-resolution frame onto the 112x112 template. Reuses one crop.</summary>
internal sealed class AlignFaceStage : IFaceFrameStage, IDisposable
{
    private readonly FaceImage _crop = new(ArcFaceTemplate.Size, ArcFaceTemplate.Size);

    public string Name => "align";

    public void Process(FaceFrameContext context)
    {
        if (context.SelectedFace < 0)
        {
            return;
        }

        FaceAligner.AlignInto(context.Frame, context.Faces[context.SelectedFace].Landmarks, _crop);
        context.Aligned = _crop;
    }

    public void Dispose() => _crop.Dispose();
}
