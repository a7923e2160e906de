using GateController.Vision.Detection;
using GateController.Vision.Imaging;

namespace GateController.Vision.Liveness;

/// <summary>
/// Where MiniFASNet looks (Silent-Face-Anti-Spoofing's CropImage, MODELS.md): the face box enlarged around its centre
/// by the model's scale, the scale cut so the box still fits the image, the box shifted back inside it; never padded.
/// The models were trained on exactly this context (the face and the scene around it, e.g. a phone's bezel), so a
/// different crop changes what they see.
/// </summary>
internal static class LivenessCrop
{
    public static PixelRegion RegionFor(int imageWidth, int imageHeight, in DetectedFace face, float cropScale)
    {
        // In double, as upstream computes in Python floats; the corners are cut to whole pixels only at the end.
        double boxWidth = Math.Max(face.Width, 1f), boxHeight = Math.Max(face.Height, 1f);
        // The manifest's 2.7 arrives as a float (2.70000005): rounded back, or a box on whole pixels ends a pixel early.
        var scale = Math.Min(Math.Round((double)cropScale, 4), Math.Min((imageHeight - 1) / boxHeight, (imageWidth - 1) / boxWidth));
        double width = boxWidth * scale, height = boxHeight * scale;
        double centreX = face.X + (boxWidth / 2), centreY = face.Y + (boxHeight / 2);
        double left = centreX - (width / 2), top = centreY - (height / 2);
        double right = centreX + (width / 2), bottom = centreY + (height / 2);
        if (left < 0)
        {
            right -= left;
            left = 0;
        }

        if (top < 0)
        {
            bottom -= top;
            top = 0;
        }

        if (right > imageWidth - 1)
        {
            left -= right - imageWidth + 1;
            right = imageWidth - 1;
        }

        if (bottom > imageHeight - 1)
        {
            top -= bottom - imageHeight + 1;
            bottom = imageHeight - 1;
        }

        // Python's int() truncates; upstream then slices [top, bottom] inclusive.
        int x0 = Math.Max(0, (int)left), y0 = Math.Max(0, (int)top);
        int x1 = Math.Clamp((int)right, x0, imageWidth - 1), y1 = Math.Clamp((int)bottom, y0, imageHeight - 1);
        return new PixelRegion(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
