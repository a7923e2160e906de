using GateController.Vision.Detection;

namespace GateController.Vision.Pipeline;

internal sealed class DetectFacesStage(IFaceDetector detector) : IFaceFrameStage
{
    public string Name => "detect";

    public void Process(FaceFrameContext context)
    {
        context.Faces = detector.Detect(context.Frame);
        if (context.Faces.Count == 0)
        {
            context.Stop("no face");
        }
    }
}
