using GateController.Face;
using GateController.FaceChannel;
using GateController.Vision.Imaging;

namespace GateController.FaceWorker;

/// <summary>The one pixel limit for uploads and camera frames, named by its configuration key in every refusal.</summary>
internal static class FaceImageLimits
{
    public const string Setting = FaceWorkerOptions.Section + ":" + nameof(FaceWorkerOptions.MaximumImagePixels);

    public static ImageSizeLimit For(FaceProcessSettings settings) => new(settings.MaximumImagePixels, Setting);
}
