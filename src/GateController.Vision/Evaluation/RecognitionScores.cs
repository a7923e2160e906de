using System.Numerics.Tensors;

namespace GateController.Vision.Evaluation;

/// <summary>
/// The similarity scores of an evaluation. Each probe is compared with every enrolled person; a person's score is
/// the best over their templates, as the template index decides at the gate. Genuine = the probe's own person,
/// impostor = every other person (one pair each), and per probe the best impostor, which is what a gate with
/// everyone else enrolled sees. Scores only: no template leaves this type.
/// </summary>
public sealed record RecognitionScores(float[] Genuine, float[] Impostor, float[] BestImpostorPerProbe, int Rank1Correct)
{
    public int ProbeCount => BestImpostorPerProbe.Length;

    /// <summary>The share of probes whose own person scored strictly highest (a tie decides nothing at the gate).</summary>
    public double Rank1Rate => ProbeCount == 0 ? 0 : Rank1Correct / (double)ProbeCount;

    public static RecognitionScores Compare(IReadOnlyList<PersonEmbeddings> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        List<float> genuine = [], impostor = [], bestImpostor = [];
        var rank1 = 0;
        foreach (var person in persons.Where(p => p.Enrolment.Count > 0))
        {
            foreach (var probe in person.Probes)
            {
                var own = BestOver(person.Enrolment, probe);
                var best = float.NegativeInfinity;
                foreach (var other in persons)
                {
                    if (!ReferenceEquals(other, person) && other.Enrolment.Count > 0)
                    {
                        var score = BestOver(other.Enrolment, probe);
                        impostor.Add(score);
                        best = MathF.Max(best, score);
                    }
                }

                genuine.Add(own);
                bestImpostor.Add(best);
                rank1 += own > best ? 1 : 0;
            }
        }

        return new RecognitionScores([.. genuine], [.. impostor], [.. bestImpostor], rank1);
    }

    private static float BestOver(IReadOnlyList<float[]> templates, float[] probe)
    {
        var best = float.NegativeInfinity;
        foreach (var template in templates)
        {
            best = MathF.Max(best, TensorPrimitives.Dot(template, probe));
        }

        return best;
    }
}
