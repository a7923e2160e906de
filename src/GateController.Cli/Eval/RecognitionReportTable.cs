using System.Globalization;
using GateController.Vision.Evaluation;
using Spectre.Console;

namespace GateController.Cli.Eval;

/// <summary><c>gatectl eval</c> for a person: the counts, the headline rates, then one row per threshold.</summary>
internal static class RecognitionReportTable
{
    public static void Write(IAnsiConsole console, RecognitionReport report)
    {
        var counts = report.Counts;
        console.MarkupLine(Invariant($"[bold]{report.Options.Detector} + {report.Options.Embedder}[/]"));
        console.WriteLine(Invariant($"persons {counts.Persons} ({counts.EnrolledPersons} enrolled), photos {counts.Photos}: enrolment {counts.EnrolmentPhotos} (the first {report.Options.EnrolmentPhotos} with a face per person, by file name), probes {counts.ProbePhotos}"));
        console.WriteLine(Invariant($"faces not found {counts.FacesNotFound.Count}{List(counts.FacesNotFound)}"));
        console.WriteLine(Invariant($"unreadable {counts.Unreadable.Count}{List(counts.Unreadable.Select(u => $"{u.Name} ({u.Problem})"))}"));
        if (counts.EmptyFolders.Count > 0)
        {
            console.WriteLine(Invariant($"folders without photos: {string.Join(", ", counts.EmptyFolders)}"));
        }

        console.WriteLine(Invariant($"pairs: genuine {report.GenuinePairs}, impostor {report.ImpostorPairs}; genuine median {report.Genuine.Median:F3} (min {report.Genuine.Minimum:F3}), highest impostor {report.Impostor.Maximum:F3}"));
        console.WriteLine(Invariant($"rank-1 {report.Rank1Rate:P1} ({report.Rank1Correct} of {report.GenuinePairs})"));
        foreach (var target in report.AtFalseMatchRates)
        {
            var note = target.Measurable ? "" : Invariant($" (too few impostor pairs to see a FAR of {target.FalseMatchRate:0.###}: this is the zero-FAR point)");
            console.WriteLine(Invariant($"TAR at FAR {target.FalseMatchRate:0.###}: {target.Point.TrueAcceptRate:P1} (threshold {target.Point.Threshold:F3}){note}"));
        }

        console.WriteLine(Invariant($"EER {report.EqualErrorRate:P2} (threshold {report.EqualErrorThreshold:F3})"));
        console.MarkupLine(Invariant($"suggested threshold [bold]{report.SuggestedThreshold:F2}[/] (first hundredth above the highest impostor, plus 0.01); configured {report.Options.ConfiguredThreshold:F2}"));
        console.WriteLine(Invariant($"false accepts per day for {report.Options.Residents} residents and {report.Options.PassagesPerDay} passages a day (--residents, --passages-per-day): {FalseAcceptForecast.Formula}"));
        console.Write(Table(report));
    }

    private static Table Table(RecognitionReport report)
    {
        var table = new Table().AddColumns("threshold", "TAR", "FMR (pairs)", "FMR 95 % upper", "false accepts/day", "at 95 % upper", "");
        foreach (var forecast in report.Forecasts)
        {
            var point = forecast.Point;
            var marks = string.Join(", ", new[]
            {
                Math.Abs(point.Threshold - report.Options.ConfiguredThreshold) < 1e-4 ? "configured" : null,
                Math.Abs(point.Threshold - report.SuggestedThreshold) < 1e-4 ? "suggested" : null,
            }.OfType<string>());
            table.AddRow(
                Invariant($"{point.Threshold:F2}"),
                Invariant($"{point.TrueAcceptRate:P1}"),
                Invariant($"{point.FalseMatchRate:P3} ({forecast.ImpostorMatches})"),
                Invariant($"{forecast.FalseMatchRateUpper95:P3}"),
                Rate(forecast.PerDay),
                Rate(forecast.PerDayUpper95),
                marks);
        }

        return table;
    }

    /// <summary>Per day, and as "one in N days" when under one a day, which is how a site thinks of it.</summary>
    private static string Rate(double perDay) => perDay switch
    {
        0 => "0",
        >= 1 => Invariant($"{perDay:0.#}"),
        _ => Invariant($"{perDay:0.###} (1 in {1 / perDay:0} days)"),
    };

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "" : ": " + string.Join(", ", all.Take(20)) + (all.Count > 20 ? Invariant($", … {all.Count - 20} more") : "");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
