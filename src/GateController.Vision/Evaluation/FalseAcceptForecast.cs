namespace GateController.Vision.Evaluation;

/// <summary>
/// What one threshold means for a site: a stranger's attempt is compared with all N residents, so it is falsely
/// accepted with probability about N × FMR (the union bound, capped at 1); counting each of the M daily passages as
/// such an attempt gives expected false accepts per day = M × min(1, N × FMR). That is an upper bound for a
/// resident's own passage, who can only be taken for one of the N − 1 others. The measured FMR is zero at high
/// thresholds on a small set, so the forecast is also given at the FMR's one-sided 95 % Wilson upper bound.
/// </summary>
public sealed record FalseAcceptForecast(OperatingPoint Point, int ImpostorMatches, double FalseMatchRateUpper95, double PerDay, double PerDayUpper95)
{
    public const string Formula = "false accepts per day = passages per day × min(1, residents × FMR)";

    /// <summary>z for a one-sided 95 % bound.</summary>
    private const double Z = 1.6448536269514722;

    public static FalseAcceptForecast For(ErrorRates rates, float threshold, int residents, int passagesPerDay)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(residents);
        ArgumentOutOfRangeException.ThrowIfNegative(passagesPerDay);
        var point = rates.At(threshold);
        var n = rates.ImpostorCount;
        var upper = WilsonUpper(point.FalseMatchRate, n);
        return new FalseAcceptForecast(
            point,
            (int)Math.Round(point.FalseMatchRate * n),
            upper,
            passagesPerDay * Math.Min(1, residents * point.FalseMatchRate),
            passagesPerDay * Math.Min(1, residents * upper));
    }

    internal static double WilsonUpper(double rate, int trials)
    {
        var z2n = Z * Z / trials;
        var centre = rate + (z2n / 2);
        var spread = Z * Math.Sqrt((rate * (1 - rate) / trials) + (z2n / (4 * trials)));
        return Math.Min(1, (centre + spread) / (1 + z2n));
    }
}
