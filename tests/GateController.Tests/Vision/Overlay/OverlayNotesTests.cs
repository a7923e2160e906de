using System.Numerics;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;
using GateController.Vision.Overlay;

namespace GateController.Tests.Vision.Overlay;

public sealed class OverlayNotesTests
{
    private static DetectedFace Face(float x, float y, float size) =>
        new(x, y, size, size, 0.9f, new FaceLandmarks(Vector2.Zero, Vector2.Zero, Vector2.Zero, Vector2.Zero, Vector2.Zero));

    /// <summary>A bright frame with a dark square where the face is: a person standing against a window.</summary>
    private static FaceImage BacklitFrame(int x, int y, int size)
    {
        var image = new FaceImage(400, 300);
        image.Pixels.Fill(230);
        for (var row = y; row < y + size; row++)
        {
            image.Row(row).Slice(x * 3, size * 3).Fill(40);
        }

        return image;
    }

    [Test]
    public void A_dark_face_on_a_bright_frame_is_backlit()
    {
        using var image = BacklitFrame(100, 100, 120);

        var notes = OverlayNotes.For(image, [Face(100, 100, 120)]);

        Assert.That(notes, Has.Exactly(1).StartsWith("backlit"));
        Assert.That(notes, Has.None.StartsWith("faces too small"));
    }

    [Test]
    public void A_face_under_the_minimum_width_is_too_small_and_an_evenly_lit_one_is_not_backlit()
    {
        using var image = new FaceImage(400, 300);
        image.Pixels.Fill(150);

        var notes = OverlayNotes.For(image, [Face(10, 10, 30), Face(200, 100, 100)]);

        Assert.That(notes, Is.EqualTo(new[] { $"faces too small: 30 px wide, recognition needs at least {OverlayNotes.MinimumFaceWidth} px" }));
    }

    [Test]
    public void A_frame_without_faces_says_so()
    {
        using var image = new FaceImage(64, 64);

        Assert.That(OverlayNotes.For(image, []), Is.EqualTo(new[] { "no face found" }));
    }
}
