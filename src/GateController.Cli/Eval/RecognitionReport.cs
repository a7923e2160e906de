using GateController.Vision.Evaluation;

namespace GateController.Cli.Eval;

/// <summary>What the installer asked for: enrolment split, site size, the configured threshold.</summary>
internal sealed record RecognitionReportOptions(int EnrolmentPhotos, int Residents, int PassagesPerDay, float ConfiguredThreshold, string Detector, string Embedder);

/// <summary>An operating point chosen by its false match rate (TAR at FAR 1e-2, 1e-3).</summary>
internal sealed record RateTarget(double FalseMatchRate, OperatingPoint Point, bool Measurable);

/// <summary>Summary of a score distribution.</summary>
internal sealed record ScoreSummary(float Minimum, float Median, float Maximum)
{
    public static ScoreSummary Of(float[] scores)
    {
        var sorted = scores.Order().ToArray();
        return new ScoreSummary(sorted[0], sorted[sorted.Length / 2], sorted[^1]);
    }
}

/// <summary>
/// The recognition report: counts, rank-1, TAR at FAR 1e-2 and 1e-3, EER, a suggested threshold and the expected
/// false accepts per day at several thresholds. Counts, rates and scores only: never a template.
/// </summary>
internal sealed record RecognitionReport(
    RecognitionReportOptions Options,
    DatasetCounts Counts,
    int GenuinePairs,
    int ImpostorPairs,
    int Rank1Correct,
    double Rank1Rate,
    IReadOnlyList<RateTarget> AtFalseMatchRates,
    double EqualErrorRate,
    float EqualErrorThreshold,
    float SuggestedThreshold,
    ScoreSummary Genuine,
    ScoreSummary Impostor,
    IReadOnlyList<FalseAcceptForecast> Forecasts)
{
    public static readonly double[] TargetRates = [1e-2, 1e-3];

    public static RecognitionReport From(DatasetCounts counts, RecognitionScores scores, RecognitionReportOptions options)
    {
        if (counts.EnrolledPersons < 2)
        {
            throw new CliException($"{counts.EnrolledPersons} person folder(s) gave a face to enrol; an evaluation needs at least two persons", ExitCodes.LocalInput);
        }

        if (scores.Genuine.Length == 0)
        {
            throw new CliException($"no probes: every person's photos with a face went into enrolment (--enrol {options.EnrolmentPhotos}); give each person more photos", ExitCodes.LocalInput);
        }

        var rates = new ErrorRates(scores.Genuine, scores.Impostor);
        var (eer, eerThreshold) = rates.EqualErrorRate();
        var suggested = ThresholdSuggestion.AboveHighestImpostor(rates.HighestImpostor);
        return new RecognitionReport(
            options,
            counts,
            scores.Genuine.Length,
            scores.Impostor.Length,
            scores.Rank1Correct,
            scores.Rank1Rate,
            [.. TargetRates.Select(rate => new RateTarget(rate, rates.AtFalseMatchRate(rate, out var measurable), measurable))],
            eer,
            eerThreshold,
            suggested,
            ScoreSummary.Of(scores.Genuine),
            ScoreSummary.Of(scores.Impostor),
            [.. ThresholdSuggestion.ReportedThresholds(options.ConfiguredThreshold, suggested)
                .Select(t => FalseAcceptForecast.For(rates, t, options.Residents, options.PassagesPerDay))]);
    }
}
