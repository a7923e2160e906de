using System.Text.Json.Nodes;
using GateController.Vision.Evaluation;

namespace GateController.Cli.Eval;

/// <summary><c>gatectl eval --json</c>: one object, rates as fractions (0.871, not 87.1 %).</summary>
internal static class RecognitionReportJson
{
    public static JsonObject Of(RecognitionReport report) => new()
    {
        ["detector"] = report.Options.Detector,
        ["embedder"] = report.Options.Embedder,
        ["persons"] = report.Counts.Persons,
        ["enrolledPersons"] = report.Counts.EnrolledPersons,
        ["photos"] = report.Counts.Photos,
        ["enrolmentPhotosPerPerson"] = report.Options.EnrolmentPhotos,
        ["enrolmentPhotos"] = report.Counts.EnrolmentPhotos,
        ["probePhotos"] = report.Counts.ProbePhotos,
        ["facesNotFound"] = new JsonObject { ["count"] = report.Counts.FacesNotFound.Count, ["photos"] = Names(report.Counts.FacesNotFound) },
        ["unreadable"] = new JsonObject
        {
            ["count"] = report.Counts.Unreadable.Count,
            ["photos"] = new JsonArray([.. report.Counts.Unreadable.Select(u => (JsonNode)new JsonObject { ["photo"] = u.Name, ["problem"] = u.Problem })]),
        },
        ["emptyFolders"] = Names(report.Counts.EmptyFolders),
        ["genuinePairs"] = report.GenuinePairs,
        ["impostorPairs"] = report.ImpostorPairs,
        ["rank1"] = new JsonObject { ["correct"] = report.Rank1Correct, ["probes"] = report.GenuinePairs, ["rate"] = report.Rank1Rate },
        ["tarAtFar"] = new JsonArray([.. report.AtFalseMatchRates.Select(t => (JsonNode)new JsonObject
        {
            ["far"] = t.FalseMatchRate,
            ["threshold"] = Round(t.Point.Threshold),
            ["tar"] = t.Point.TrueAcceptRate,
            ["measuredFar"] = t.Point.FalseMatchRate,
            ["measurable"] = t.Measurable,
        })]),
        ["eer"] = new JsonObject { ["rate"] = report.EqualErrorRate, ["threshold"] = Round(report.EqualErrorThreshold) },
        ["suggestedThreshold"] = Round(report.SuggestedThreshold),
        ["configuredThreshold"] = Round(report.Options.ConfiguredThreshold),
        ["genuineScores"] = Summary(report.Genuine),
        ["impostorScores"] = Summary(report.Impostor),
        ["falseAccepts"] = new JsonObject
        {
            ["residents"] = report.Options.Residents,
            ["passagesPerDay"] = report.Options.PassagesPerDay,
            ["formula"] = FalseAcceptForecast.Formula,
            ["thresholds"] = new JsonArray([.. report.Forecasts.Select(f => (JsonNode)new JsonObject
            {
                ["threshold"] = Round(f.Point.Threshold),
                ["tar"] = f.Point.TrueAcceptRate,
                ["fmr"] = f.Point.FalseMatchRate,
                ["impostorMatches"] = f.ImpostorMatches,
                ["fmrUpper95"] = f.FalseMatchRateUpper95,
                ["perDay"] = f.PerDay,
                ["perDayUpper95"] = f.PerDayUpper95,
            })]),
        },
    };

    private static double Round(float value) => Math.Round(value, 4);

    private static JsonArray Names(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);

    private static JsonObject Summary(ScoreSummary summary) => new()
    {
        ["min"] = Round(summary.Minimum), ["median"] = Round(summary.Median), ["max"] = Round(summary.Maximum),
    };
}
