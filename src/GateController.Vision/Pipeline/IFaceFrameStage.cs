namespace GateController.Vision.Pipeline;

/// <summary>
/// One step of the face path over a frame (detect, select, align+embed, match; later quality, liveness,
/// multi-frame). A stage reads and writes the context, and may stop the chain.
/// </summary>
public interface IFaceFrameStage
{
    /// <summary>Short name used in timings and logs.</summary>
    string Name { get; }

    void Process(FaceFrameContext context);
}
