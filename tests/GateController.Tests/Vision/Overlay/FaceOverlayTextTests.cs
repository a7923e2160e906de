using GateController.Vision.Imaging;
using GateController.Vision.Overlay;

namespace GateController.Tests.Vision.Overlay;

/// <summary>The overlay's notes are written in pixels, not only sent as text: the installer reads them on the image.</summary>
public sealed class FaceOverlayTextTests
{
    [Test]
    public void A_note_is_drawn_in_the_note_colour_with_the_packaged_font()
    {
        Assert.That(OverlayTypeface.Typeface, Is.Not.Null, $"{string.Join(", ", OverlayTypeface.Candidates)} (Debian fonts-dejavu-core, a Depends of the package)");
        using var scene = new FaceImage(400, 300);
        scene.Pixels.Fill(90);

        using var drawn = FaceImage.Decode(FaceOverlay.DrawPng(scene, []));

        Assert.That(OverlayNotes.For(scene, []), Is.EqualTo(new[] { "no face found" }));
        var notePixels = 0;
        for (var y = 0; y < drawn.Height; y++)
        {
            var row = drawn.Row(y);
            for (var x = 0; x < drawn.Width; x++)
            {
                // Yellow over grey, antialiased: red and green raised together, blue lowered.
                var (blue, green, red) = (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
                if (red == green && red > 120 && blue < 60)
                {
                    notePixels++;
                }
            }
        }

        // "no face found" at 14 px covers a few hundred pixels; an empty typeface (SkiaSharp without fontconfig) none.
        Assert.That(notePixels, Is.GreaterThan(150));
    }
}
