using SkiaSharp;

namespace GateController.Tests.Eval;

internal static class PlotAssert
{
    /// <summary>The file is a PNG SkiaSharp decodes, of that size, and not one flat colour (the plot was drawn).</summary>
    public static void DecodesTo(string path, int width, int height)
    {
        Assert.That(File.Exists(path), $"{path} was not written");
        using var codec = SKCodec.Create(path);
        Assert.That(codec, Is.Not.Null, $"{path} does not decode");
        Assert.That(codec.EncodedFormat, Is.EqualTo(SKEncodedImageFormat.Png));
        using var bitmap = SKBitmap.Decode(codec);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((width, height)));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < height; y += 7)
        {
            for (var x = 0; x < width; x += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.That(colours, Has.Count.GreaterThan(10), "the plot has lines, fills and text");
    }
}
