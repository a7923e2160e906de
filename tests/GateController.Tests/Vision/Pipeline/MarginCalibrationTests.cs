using System.Globalization;
using System.Text;
using GateController.Core.FaceTracking;
using GateController.Vision.Matching;

namespace GateController.Tests.Vision.Pipeline;

/// <summary>
/// Calibrates <c>Face:Decision:Margin</c> on ../shared/faces with everyone enrolled (photo 01 of each person): for
/// every probe that reaches the threshold for its own person, how far the second-best person is below it. Prints the
/// distribution (the figures in the README) and checks the default margin costs no genuine match.
/// </summary>
public sealed class MarginCalibrationTests
{
    [Test]
    public void The_default_margin_refuses_no_genuine_match_above_the_threshold()
    {
        var index = new TemplateIndex(SharedVision.Embedder.Dimension);
        foreach (var person in FaceData.Persons)
        {
            index.Add(person, SharedVision.EmbeddingOf(FaceData.EnrolmentPhotoOf(person)));
        }

        List<float> margins = [];
        var wrongAboveThreshold = 0;
        foreach (var person in FaceData.Persons)
        {
            foreach (var probe in FaceData.ProbesOf(person))
            {
                var match = index.FindBest(SharedVision.EmbeddingOf(probe));
                if (match.Similarity < SharedVision.Threshold)
                {
                    continue;
                }

                if (match.PersonId == person)
                {
                    margins.Add(match.Similarity - match.SecondSimilarity);
                }
                else
                {
                    wrongAboveThreshold++;
                }
            }
        }

        var sorted = margins.Order().ToArray();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"genuine matches at or above {SharedVision.Threshold}: {sorted.Length}; wrong person above it: {wrongAboveThreshold}; " +
            $"margin min {sorted[0]:F3}, p5 {sorted[sorted.Length / 20]:F3}, median {sorted[sorted.Length / 2]:F3}");
        foreach (var margin in new[] { 0.02f, 0.05f, 0.08f, 0.10f, 0.15f, 0.20f })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"margin {margin:F2}: refuses {sorted.Count(m => m < margin)} of {sorted.Length}");
        }

        TestContext.Out.WriteLine(report.ToString());
        Assert.That(sorted.Count(m => m < FaceTrackingOptions.DefaultMargin), Is.Zero, report.ToString());
    }
}
