namespace GateController.Vision.Evaluation;

/// <summary>
/// Verification error rates from genuine and impostor scores (ISO/IEC 19795-1 terms): a score at or above the
/// threshold is accepted. Works on copies sorted once, so large datasets stay O(n log n).
/// </summary>
public sealed class ErrorRates
{
    private readonly float[] _genuine;
    private readonly float[] _impostor;

    public ErrorRates(IEnumerable<float> genuine, IEnumerable<float> impostor)
    {
        _genuine = [.. genuine.Order()];
        _impostor = [.. impostor.Order()];
        if (_genuine.Length == 0 || _impostor.Length == 0)
        {
            throw new ArgumentException("error rates need at least one genuine and one impostor score");
        }
    }

    public int GenuineCount => _genuine.Length;

    public int ImpostorCount => _impostor.Length;

    public float HighestImpostor => _impostor[^1];

    public OperatingPoint At(float threshold) =>
        new(threshold, AcceptedShare(_genuine, threshold), AcceptedShare(_impostor, threshold));

    /// <summary>
    /// The lowest threshold whose FMR is at most <paramref name="falseMatchRate"/>: just above the impostor score
    /// that would be one too many. <paramref name="measurable"/> is false when there are too few impostor pairs
    /// (fewer than 1 / rate) for that rate to be seen at all; the point is then the zero-FMR one.
    /// </summary>
    public OperatingPoint AtFalseMatchRate(double falseMatchRate, out bool measurable)
    {
        measurable = _impostor.Length * falseMatchRate >= 1;
        var allowed = (int)Math.Floor(_impostor.Length * falseMatchRate);
        var threshold = allowed >= _impostor.Length ? _impostor[0] : MathF.BitIncrement(_impostor[_impostor.Length - 1 - allowed]);
        return At(threshold);
    }

    /// <summary>
    /// The equal error rate: the threshold where the false reject and false match rates cross, found over every
    /// score (and the value just above it), and the mean of the two rates there.
    /// </summary>
    public (double Rate, float Threshold) EqualErrorRate()
    {
        var best = (Gap: double.MaxValue, Rate: 1.0, Threshold: 0f);
        foreach (var score in _genuine.Concat(_impostor))
        {
            foreach (var threshold in (ReadOnlySpan<float>)[score, MathF.BitIncrement(score)])
            {
                var point = At(threshold);
                var gap = Math.Abs(point.FalseRejectRate - point.FalseMatchRate);
                if (gap < best.Gap || (gap == best.Gap && threshold < best.Threshold))
                {
                    best = (gap, (point.FalseRejectRate + point.FalseMatchRate) / 2, threshold);
                }
            }
        }

        return (best.Rate, best.Threshold);
    }

    /// <summary>Share of the sorted scores at or above the threshold.</summary>
    private static double AcceptedShare(float[] sorted, float threshold)
    {
        var index = Array.BinarySearch(sorted, threshold);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            while (index > 0 && sorted[index - 1] >= threshold)
            {
                index--;
            }
        }

        return (sorted.Length - index) / (double)sorted.Length;
    }
}
