using SkiaSharp;

namespace GateController.Cli.Eval;

/// <summary>Plots side by side in one PNG: each rendered at <see cref="PanelWidth"/> × <see cref="PanelHeight"/>.</summary>
internal static class PlotSheet
{
    public const int PanelWidth = 800;
    public const int PanelHeight = 600;

    /// <summary>Writes the panels left to right to <paramref name="path"/> (created or replaced).</summary>
    public static void Write(string path, IReadOnlyList<ScottPlot.Plot> panels)
    {
        var info = new SKImageInfo(PanelWidth * panels.Count, PanelHeight);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var panel = SKImage.FromEncodedData(panels[i].GetImage(PanelWidth, PanelHeight).GetImageBytes(ScottPlot.ImageFormat.Png));
            surface.Canvas.DrawImage(panel, i * PanelWidth, 0, SKSamplingOptions.Default);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        try
        {
            using var file = File.Create(path);
            png.SaveTo(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the plot to {path}: {exception.Message}", ExitCodes.LocalInput);
        }
    }

    /// <summary>Share of <paramref name="scores"/> in each bin of <paramref name="width"/> from <paramref name="start"/>: (left edges, shares).</summary>
    public static (double[] Edges, double[] Shares) Histogram(IReadOnlyCollection<float> scores, double start, double end, double width)
    {
        var bins = (int)Math.Ceiling((end - start) / width);
        var shares = new double[bins + 1];
        foreach (var score in scores)
        {
            shares[Math.Clamp((int)Math.Floor((score - start) / width), 0, bins - 1)] += 1.0 / Math.Max(1, scores.Count);
        }

        return ([.. Enumerable.Range(0, bins + 1).Select(i => start + (i * width))], shares);
    }
}
