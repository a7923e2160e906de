using GateController.Vision.Evaluation;

namespace GateController.Tests.Eval;

/// <summary>The error-rate arithmetic on score sets whose answers are known by hand.</summary>
public sealed class ErrorRatesTests
{
    // Genuine 0.5..0.95, impostor 0.0..0.6: they overlap at 0.5 and 0.6 only.
    private static readonly float[] Genuine = [0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f];
    private static readonly float[] Impostor = [.. Enumerable.Range(0, 100).Select(i => i / 100f * 0.6f), 0.6f];

    [Test]
    public void A_score_at_the_threshold_is_accepted()
    {
        var point = new ErrorRates(Genuine, Impostor).At(0.6f);

        Assert.That(point.TrueAcceptRate, Is.EqualTo(0.8).Within(1e-9));
        Assert.That(point.FalseMatchRate, Is.EqualTo(1 / 101.0).Within(1e-9));
    }

    [Test]
    public void The_point_at_a_false_match_rate_is_the_lowest_threshold_that_keeps_it()
    {
        var rates = new ErrorRates(Genuine, Impostor);

        var point = rates.AtFalseMatchRate(0.02, out var measurable);

        Assert.That(measurable, Is.True);
        Assert.That(point.FalseMatchRate, Is.LessThanOrEqualTo(0.02));
        Assert.That(rates.At(MathF.BitDecrement(point.Threshold)).FalseMatchRate, Is.GreaterThan(0.02));
    }

    [Test]
    public void A_false_match_rate_below_one_impostor_pair_is_reported_as_not_measurable()
    {
        new ErrorRates(Genuine, Impostor).AtFalseMatchRate(1e-3, out var measurable);

        Assert.That(measurable, Is.False);
    }

    [Test]
    public void Separated_scores_have_no_equal_error_and_overlapping_ones_meet_where_the_rates_cross()
    {
        Assert.That(new ErrorRates([0.8f, 0.9f], [0.1f, 0.2f]).EqualErrorRate().Rate, Is.Zero);

        // Half the genuine below 0.5 and half the impostor above: the rates cross at 50 %.
        var (rate, threshold) = new ErrorRates([0.4f, 0.6f], [0.3f, 0.55f]).EqualErrorRate();
        Assert.That(rate, Is.EqualTo(0.5).Within(1e-9));
        Assert.That(threshold, Is.InRange(0.3f, 0.6f));
    }

    [Test]
    public void The_forecast_is_passages_times_residents_times_the_false_match_rate()
    {
        var rates = new ErrorRates(Genuine, Impostor);

        var forecast = FalseAcceptForecast.For(rates, 0.6f, residents: 10, passagesPerDay: 100);

        Assert.That(forecast.PerDay, Is.EqualTo(100 * 10 / 101.0).Within(1e-9));
        Assert.That(forecast.ImpostorMatches, Is.EqualTo(1));
        Assert.That(forecast.PerDayUpper95, Is.GreaterThan(forecast.PerDay));
        Assert.That(FalseAcceptForecast.For(rates, 0.1f, residents: 1000, passagesPerDay: 100).PerDay, Is.EqualTo(100), "capped at one per passage");
    }

    [Test]
    public void With_no_impostor_match_the_upper_bound_follows_the_number_of_pairs()
    {
        Assert.That(FalseAcceptForecast.WilsonUpper(0, 1000), Is.EqualTo(2.7 / 1000).Within(0.0001));
        Assert.That(FalseAcceptForecast.WilsonUpper(0, 100_000), Is.LessThan(3e-5));
    }

    [Test]
    public void The_suggested_threshold_is_one_hundredth_above_the_first_hundredth_over_the_highest_impostor()
    {
        Assert.That(ThresholdSuggestion.AboveHighestImpostor(0.431f), Is.EqualTo(0.45f));
        Assert.That(ThresholdSuggestion.AboveHighestImpostor(0.44f), Is.EqualTo(0.46f));
    }
}
