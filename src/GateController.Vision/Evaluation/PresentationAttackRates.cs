namespace GateController.Vision.Evaluation;

/// <summary>
/// Presentation-attack detection error rates in ISO/IEC 30107-3 terms, at one liveness threshold (a score at or above
/// it is classified bona fide). APCER per attack species = the share of that species' attack presentations classified
/// bona fide; the subsystem's APCER is the worst species' (30107-3 reports the maximum, not a mean); BPCER = the share
/// of bona fide presentations classified as attacks. Only presentations in which a face was found are counted.
/// </summary>
public sealed record PresentationAttackRates(float Threshold, int BonaFide, int BonaFideRejected, IReadOnlyList<SpeciesRate> Species)
{
    public double Bpcer => BonaFide == 0 ? 0 : BonaFideRejected / (double)BonaFide;

    public double MaximumApcer => Species.Count == 0 ? 0 : Species.Max(s => s.Apcer);

    public static PresentationAttackRates At(float threshold, IReadOnlyList<float> bonaFide, IReadOnlyList<(string Species, IReadOnlyList<float> Scores)> attacks)
    {
        ArgumentNullException.ThrowIfNull(bonaFide);
        ArgumentNullException.ThrowIfNull(attacks);
        return new PresentationAttackRates(
            threshold,
            bonaFide.Count,
            bonaFide.Count(s => s < threshold),
            [.. attacks.Select(a => new SpeciesRate(a.Species, a.Scores.Count, a.Scores.Count(s => s >= threshold)))]);
    }
}

/// <summary>One attack species (print, replay, …) at a threshold: its presentations and how many passed as bona fide.</summary>
public sealed record SpeciesRate(string Species, int Attempts, int Accepted)
{
    public double Apcer => Attempts == 0 ? 0 : Accepted / (double)Attempts;
}
