using GateController.FaceChannel;
using GateController.Vision.Imaging;
using GateController.Vision.Overlay;
using GateController.Vision.Pipeline;

namespace GateController.FaceWorker;

/// <summary>Draws the detector's faces on an image as the PNG of an <see cref="OverlayReply"/>.</summary>
internal static class OverlaySender
{
    /// <returns>The reply, or null with <paramref name="refusal"/> saying why (a PNG over the channel's cap).</returns>
    public static OverlayReply? TryDraw(FaceAnalyzer analyzer, FaceImage image, string name, out string? refusal)
    {
        var faces = analyzer.Analyze(image).Faces.Select(f => f.Detection).ToList();
        var png = FaceOverlay.DrawPng(image, faces);
        if (png.Length > OverlayReply.MaximumPayloadBytes - (64 * 1024))
        {
            refusal = $"the overlay of {name} is a {png.Length}-byte PNG, over the {OverlayReply.MaximumPayloadBytes}-byte limit";
            return null;
        }

        refusal = null;
        return new OverlayReply(faces.Count, OverlayNotes.For(image, faces), png);
    }

    /// <summary>For an uploaded image: the reply, or a Failure frame naming the image.</summary>
    public static void Send(FaceAnalyzer analyzer, FaceImage image, string name, FaceChannelWriter writer)
    {
        if (TryDraw(analyzer, image, name, out var refusal) is { } reply)
        {
            reply.Send(writer);
        }
        else
        {
            new WorkerFailure(WorkerFailureKind.Image, refusal!).Send(writer);
        }
    }
}
