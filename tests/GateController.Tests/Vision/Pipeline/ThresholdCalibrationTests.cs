using System.Globalization;
using System.Text;
using GateController.Vision.Evaluation;

namespace GateController.Tests.Vision.Pipeline;

/// <summary>
/// Calibrates the match threshold on ../shared/faces: gallery = 01 of every person, probes = the rest.
/// Genuine = a probe against its own person's gallery photo; impostor = against every other person's.
/// Prints TAR/FAR per threshold (the figures in the README) and checks the default keeps FAR at zero.
/// </summary>
public sealed class ThresholdCalibrationTests
{
    [Test]
    public void Default_threshold_accepts_no_impostor_pair_on_the_labelled_photos()
    {
        var (genuine, impostor, identificationImpostor) = Similarities();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"persons {FaceData.Persons.Count}, genuine pairs {genuine.Count}, impostor pairs {impostor.Count}; " +
            $"genuine min/median {genuine.Min():F3}/{Median(genuine):F3}, impostor max {impostor.Max():F3}");
        report.AppendLine("threshold  TAR      FAR(pairs)  FAR(identification)");
        for (var hundredths = 35; hundredths <= 55; hundredths++)
        {
            var threshold = hundredths / 100f;
            var tar = genuine.Count(s => s >= threshold) / (double)genuine.Count;
            var far = impostor.Count(s => s >= threshold) / (double)impostor.Count;
            var farIdentification = identificationImpostor.Count(s => s >= threshold) / (double)identificationImpostor.Count;
            report.AppendLine(CultureInfo.InvariantCulture, $"{threshold:F2}       {tar:P1}   {far:P3}     {farIdentification:P2}");
        }

        TestContext.Out.WriteLine(report.ToString());

        Assert.That(impostor.Count(s => s >= SharedVision.Threshold), Is.Zero, report.ToString());
    }

    /// <summary>
    /// Pair similarities, plus per probe the best similarity to any other person's gallery photo
    /// (what a gate with everyone else enrolled would see), compared as <c>gatectl eval</c> compares them.
    /// </summary>
    internal static (List<float> Genuine, List<float> Impostor, List<float> BestImpostorPerProbe) Similarities()
    {
        var persons = FaceData.Persons
            .Select(p => new PersonEmbeddings(p, [SharedVision.EmbeddingOf(FaceData.EnrolmentPhotoOf(p))], [.. FaceData.ProbesOf(p).Select(SharedVision.EmbeddingOf)]))
            .ToList();
        var scores = RecognitionScores.Compare(persons);
        return ([.. scores.Genuine], [.. scores.Impostor], [.. scores.BestImpostorPerProbe]);
    }

    private static float Median(List<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
