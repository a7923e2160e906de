using GateController.Vision.Detection;

namespace GateController.Vision.Pipeline;

internal sealed class DetectFacesStage(IFaceDetector detector) : IFaceFrameStage
{
    public string Name => "detect";

    public void Process(FaceFrameContext context)
    {
        // The analyser hands every frame the same list, so detection fills it rather than returning a new one.
        var faces = context.Faces as List<DetectedFace> ?? [];
        detector.Detect(context.Frame, faces);
        context.Faces = faces;
        if (faces.Count == 0)
        {
            context.Stop("no face");
        }
    }
}
