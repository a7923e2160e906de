using ScottPlot;

namespace GateController.Cli.Eval;

/// <summary><c>gatectl eval --pad --png</c>: the liveness score histogram of live/ and of each attack species, with the threshold.</summary>
internal static class PadPlot
{
    public static void Write(string path, PadReport report)
    {
        var plot = new Plot();
        plot.Font.Set(PlotFonts.Use());
        foreach (var folder in report.Folders)
        {
            var (edges, shares) = PlotSheet.Histogram(folder.Scores.ToArray(), 0, 1.0, 0.05);
            var step = plot.Add.Scatter(edges, shares);
            step.ConnectStyle = ConnectStyle.StepHorizontal;
            step.MarkerSize = 0;
            step.FillY = true;
            step.FillYColor = step.Color.WithAlpha(0.25);
            step.LegendText = $"{folder.Name}{(folder.Name == PadEvaluation.BonaFideFolder ? " (bona fide)" : "")} ({folder.Scores.Count})";
        }

        var line = plot.Add.VerticalLine(report.ConfiguredThreshold);
        line.LegendText = $"threshold {report.ConfiguredThreshold:F2}: BPCER {report.AtConfigured.Bpcer:P1}, APCER max {report.AtConfigured.MaximumApcer:P1}";
        plot.Axes.SetLimitsX(0, 1);
        plot.Title("liveness score (P(real)) per presentation folder");
        plot.XLabel("P(real) (at or above the threshold = bona fide)");
        plot.YLabel("share of the folder's attempts per 0.05 bin");
        plot.ShowLegend(Alignment.UpperCenter);
        PlotSheet.Write(path, [plot]);
    }
}
