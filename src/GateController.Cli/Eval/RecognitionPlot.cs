using GateController.Vision.Evaluation;
using ScottPlot;

namespace GateController.Cli.Eval;

/// <summary>
/// <c>gatectl eval --png</c>: the ROC curve (TAR against FAR on a log scale) and the genuine and impostor score
/// histograms with the configured, suggested and EER thresholds. Scores only: no face, no template.
/// </summary>
internal static class RecognitionPlot
{
    public static void Write(string path, RecognitionReport report, RecognitionScores scores)
    {
        var font = PlotFonts.Use();
        PlotSheet.Write(path, [Roc(report, scores, font), Histograms(report, scores, font)]);
    }

    private static Plot Roc(RecognitionReport report, RecognitionScores scores, string font)
    {
        var rates = new ErrorRates(scores.Genuine, scores.Impostor);
        // FARs of 0 cannot sit on a log axis: they are drawn at the left edge, one decade under a single impostor pair.
        var floor = Math.Floor(Math.Log10(1.0 / rates.ImpostorCount)) - 1;
        var points = Enumerable.Range(-200, 401).Select(i => rates.At(i / 200f)).ToList();
        var plot = new Plot();
        plot.Font.Set(font);
        var curve = plot.Add.Scatter(
            points.Select(p => p.FalseMatchRate > 0 ? Math.Log10(p.FalseMatchRate) : floor).ToArray(),
            points.Select(p => p.TrueAcceptRate).ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = "ROC";
        foreach (var target in report.AtFalseMatchRates)
        {
            var line = plot.Add.VerticalLine(Math.Log10(target.FalseMatchRate));
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"FAR {target.FalseMatchRate:0.###}: TAR {target.Point.TrueAcceptRate:P1}";
        }

        var configured = rates.At(report.Options.ConfiguredThreshold);
        var mark = plot.Add.Marker(configured.FalseMatchRate > 0 ? Math.Log10(configured.FalseMatchRate) : floor, configured.TrueAcceptRate);
        mark.MarkerSize = 12;
        mark.LegendText = $"configured {report.Options.ConfiguredThreshold:F2}: TAR {configured.TrueAcceptRate:P1}";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(floor, "0");
        for (var decade = (int)floor + 1; decade <= 0; decade++)
        {
            ticks.AddMajor(decade, decade == 0 ? "1" : $"1e{decade}");
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(floor - 0.1, 0.05, 0, 1.02);
        plot.Title($"ROC: {report.GenuinePairs} genuine, {report.ImpostorPairs} impostor pairs");
        plot.XLabel("false accept rate (impostor pairs at or above the threshold)");
        plot.YLabel("true accept rate");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot Histograms(RecognitionReport report, RecognitionScores scores, string font)
    {
        var plot = new Plot();
        plot.Font.Set(font);
        foreach (var (values, name) in new[] { (scores.Genuine, "genuine"), (scores.Impostor, "impostor") })
        {
            var (edges, shares) = PlotSheet.Histogram(values, -0.3, 1.0, 0.02);
            var step = plot.Add.Scatter(edges, shares);
            step.ConnectStyle = ConnectStyle.StepHorizontal;
            step.MarkerSize = 0;
            step.FillY = true;
            step.FillYColor = step.Color.WithAlpha(0.3);
            step.LegendText = $"{name} ({values.Length})";
        }

        foreach (var (threshold, name, pattern) in new[]
        {
            (report.Options.ConfiguredThreshold, "configured", LinePattern.Solid),
            (report.SuggestedThreshold, "suggested", LinePattern.Dashed),
            (report.EqualErrorThreshold, "EER", LinePattern.Dotted),
        })
        {
            var line = plot.Add.VerticalLine(threshold);
            line.LinePattern = pattern;
            line.LegendText = $"{name} {threshold:F2}";
        }

        plot.Title("cosine similarity: genuine and impostor pairs");
        plot.XLabel("similarity (at or above the threshold = accepted)");
        plot.YLabel("share of pairs per 0.02 bin");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
