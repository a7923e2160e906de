namespace GateController.Vision.Pipeline;

/// <summary>The largest face decides: at a gate it is the person at the reader, not a passer-by.</summary>
internal sealed class SelectLargestFaceStage : IFaceFrameStage
{
    public string Name => "select";

    public void Process(FaceFrameContext context)
    {
        var faces = context.Faces;
        var selected = -1;
        for (var i = 0; i < faces.Count; i++)
        {
            if (selected < 0 || faces[i].Area > faces[selected].Area)
            {
                selected = i;
            }
        }

        context.SelectedFace = selected;
    }
}
