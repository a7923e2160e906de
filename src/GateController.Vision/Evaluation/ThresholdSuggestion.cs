namespace GateController.Vision.Evaluation;

/// <summary>
/// The threshold an evaluation suggests: the first hundredth above the highest impostor score, plus one hundredth
/// of margin. On ../shared/faces (highest impostor 0.431) that is the shipped default 0.45 (README, Calibration):
/// at a gate a false accept lets a stranger in, while a false reject costs another frame or the card.
/// </summary>
public static class ThresholdSuggestion
{
    public static float AboveHighestImpostor(float highestImpostor)
    {
        // Compared as the floats the gate compares: 0.44f is a hair under 0.44 and accepts a score of 0.44f.
        var hundredths = Math.Floor(highestImpostor * 100.0);
        while ((float)(hundredths / 100.0) <= highestImpostor)
        {
            hundredths++;
        }

        return (float)((hundredths + 1) / 100.0);
    }

    /// <summary>The thresholds every report lists, with the configured and suggested ones added.</summary>
    public static IReadOnlyList<float> ReportedThresholds(params float[] extra) =>
        [.. new[] { 0.30f, 0.35f, 0.40f, 0.42f, 0.44f, 0.45f, 0.48f, 0.50f, 0.55f }.Concat(extra).Select(t => MathF.Round(t, 3)).Distinct().Order()];
}
