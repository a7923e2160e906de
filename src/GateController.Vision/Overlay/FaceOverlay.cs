using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using SkiaSharp;

namespace GateController.Vision.Overlay;

/// <summary>
/// Draws what the detector saw onto a copy of the frame, for an installer aiming the camera: each face's box,
/// its five landmarks, its score and width in pixels, and a note when faces are too small or backlit.
/// Encoded straight to PNG; the pixels never leave the face process unencoded.
/// </summary>
public static class FaceOverlay
{
    /// <summary>The box colour: pure green, so a test can find the box pixels in the decoded PNG.</summary>
    public static readonly SKColor BoxColour = new(0, 255, 0);

    private static readonly SKColor LandmarkColour = new(255, 0, 0);
    private static readonly SKColor NoteColour = new(255, 255, 0);

    public static byte[] DrawPng(FaceImage image, IReadOnlyList<DetectedFace> faces)
    {
        var notes = OverlayNotes.For(image, faces);
        return PngEncoding.Encode(image, canvas => Draw(canvas, image.Width, faces, notes));
    }

    private static void Draw(SKCanvas canvas, int width, IReadOnlyList<DetectedFace> faces, IReadOnlyList<string> notes)
    {
        var stroke = Math.Max(2f, width / 400f);
        using var box = new SKPaint { Color = BoxColour, Style = SKPaintStyle.Stroke, StrokeWidth = stroke };
        using var point = new SKPaint { Color = LandmarkColour, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var text = new SKPaint { Color = NoteColour, IsAntialias = true };
        using var font = new SKFont(OverlayTypeface.Typeface ?? SKTypeface.Default, Math.Max(14f, width / 60f));
        foreach (var face in faces)
        {
            canvas.DrawRect(face.X, face.Y, face.Width, face.Height, box);
            for (var i = 0; i < FaceLandmarks.Count; i++)
            {
                canvas.DrawCircle(face.Landmarks[i].X, face.Landmarks[i].Y, stroke * 1.5f, point);
            }

            canvas.DrawText($"{face.Score:0.00}  {face.Width:0} px", face.X, Math.Max(font.Size, face.Y - stroke - 2), SKTextAlign.Left, font, text);
        }

        for (var i = 0; i < notes.Count; i++)
        {
            canvas.DrawText(notes[i], font.Size / 2, font.Size * (i + 1.5f), SKTextAlign.Left, font, text);
        }
    }
}
