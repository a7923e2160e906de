using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>A captured frame; the consumer owns it and disposes it.</summary>
public sealed class CameraFrame(FaceImage image, long sequence, DateTimeOffset capturedAt) : IDisposable
{
    public FaceImage Image { get; } = image;

    /// <summary>Increases by one per captured frame, so gaps show dropped frames.</summary>
    public long Sequence { get; } = sequence;

    public DateTimeOffset CapturedAt { get; } = capturedAt;

    public void Dispose() => Image.Dispose();
}
