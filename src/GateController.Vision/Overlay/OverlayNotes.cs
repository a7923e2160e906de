using GateController.Vision.Detection;
using GateController.Vision.Imaging;

namespace GateController.Vision.Overlay;

/// <summary>The aiming hints written on an overlay: what would stop this camera position from recognising people.</summary>
public static class OverlayNotes
{
    /// <summary>
    /// MODELS.md (SFace): recognition falls off below this face width (d' 7.8 at full size, 4.9 at 40 px, 2.5 at
    /// 28 px), and asks for roughly 60 px.
    /// </summary>
    public const int MinimumFaceWidth = 60;

    /// <summary>A face box this much darker than the whole frame means the light is behind the person.</summary>
    public const double BacklitRatio = 0.5;

    /// <summary>Below this frame luminance (0..255) the whole scene is dark, which is not backlight.</summary>
    public const double BrightFrameLuminance = 80;

    public static IReadOnlyList<string> For(FaceImage image, IReadOnlyList<DetectedFace> faces)
    {
        if (faces.Count == 0)
        {
            return ["no face found"];
        }

        var notes = new List<string>();
        var smallest = faces.Min(f => f.Width);
        if (smallest < MinimumFaceWidth)
        {
            notes.Add($"faces too small: {smallest:0} px wide, recognition needs at least {MinimumFaceWidth} px");
        }

        var frame = MeanLuminance(image, 0, 0, image.Width, image.Height);
        if (frame >= BrightFrameLuminance && faces.Any(f => MeanLuminance(image, f.X, f.Y, f.Width, f.Height) < BacklitRatio * frame))
        {
            notes.Add("backlit: the faces are much darker than the background");
        }

        return notes;
    }

    /// <summary>Mean Rec. 601 luma of the box, clipped to the image; 0 for an empty box.</summary>
    public static double MeanLuminance(FaceImage image, float x, float y, float width, float height)
    {
        var left = Math.Clamp((int)x, 0, image.Width);
        var top = Math.Clamp((int)y, 0, image.Height);
        var right = Math.Clamp((int)MathF.Ceiling(x + width), left, image.Width);
        var bottom = Math.Clamp((int)MathF.Ceiling(y + height), top, image.Height);
        return Luminance.Mean(image, new PixelRegion(left, top, right - left, bottom - top));
    }
}
