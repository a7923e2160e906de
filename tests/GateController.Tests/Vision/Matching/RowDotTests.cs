using GateController.Vision.Matching;

namespace GateController.Tests.Vision.Matching;

public sealed class RowDotTests
{
    [Test]
    public void Of_equals_a_scalar_loop_for_many_lengths()
    {
        var random = new Random(20261202);
        foreach (var dimension in Enumerable.Range(1, 70).Concat([127, 128, 129, 255, 256, 512, 513]))
        {
            for (var trial = 0; trial < 5; trial++)
            {
                var row = Values(random, dimension);
                var probe = Values(random, dimension);
                double expected = 0;
                for (var i = 0; i < dimension; i++)
                {
                    expected += (double)row[i] * probe[i];
                }

                Assert.That(RowDot.Of(row, probe), Is.EqualTo(expected).Within(1e-4), $"dimension {dimension}");
            }
        }
    }

    [Test]
    public void Of_rejects_a_row_and_probe_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => RowDot.Of(new float[5], new float[4]));
    }

    private static float[] Values(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
