using GateController.Vision.Matching;

namespace GateController.Tests.Vision.Matching;

public sealed class TemplateIndexTests
{
    private static float[] Unit(Random random, int dimension)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private static float[] Axis(int dimension, int axis, float value = 1)
    {
        var vector = new float[dimension];
        vector[axis] = value;
        return vector;
    }

    [Test]
    public void FindBest_equals_a_scalar_cosine_loop_for_many_lengths()
    {
        var random = new Random(20261125);
        foreach (var dimension in Enumerable.Range(1, 70).Concat([127, 128, 129, 255, 256, 512, 513]))
        {
            var index = new TemplateIndex(dimension);
            var templates = Enumerable.Range(0, 5).Select(_ => Unit(random, dimension)).ToArray();
            for (var t = 0; t < templates.Length; t++)
            {
                index.Add($"p{t}", templates[t]);
            }

            var probe = Unit(random, dimension);
            var scalar = templates.Select(t =>
            {
                double sum = 0;
                for (var i = 0; i < dimension; i++)
                {
                    sum += t[i] * probe[i];
                }

                return sum;
            }).ToArray();

            var match = index.FindBest(probe);
            var expected = scalar.Order().ToArray();
            Assert.That(match.Similarity, Is.EqualTo(expected[^1]).Within(1e-5), $"dimension {dimension}");
            Assert.That(match.PersonId, Is.EqualTo($"p{Array.IndexOf(scalar, expected[^1])}"), $"dimension {dimension}");
            if (dimension > 1)
            {
                Assert.That(match.SecondSimilarity, Is.EqualTo(expected[^2]).Within(1e-5), $"dimension {dimension}");
            }
        }
    }

    [Test]
    public void FindBest_returns_distinct_persons_taking_each_persons_best_template()
    {
        var index = new TemplateIndex(4);
        index.Add("anna", Axis(4, 0));
        index.Add("anna", [0.9f, 0.1f, 0, 0]);
        index.Add("bob", [0.8f, 0.6f, 0, 0]);
        index.Add("bob", Axis(4, 2));

        var match = index.FindBest(Axis(4, 0));

        Assert.That(match.PersonId, Is.EqualTo("anna"));
        Assert.That(match.Similarity, Is.EqualTo(1f).Within(1e-6));
        Assert.That(match.SecondPersonId, Is.EqualTo("bob"));
        Assert.That(match.SecondSimilarity, Is.EqualTo(0.8f).Within(1e-6));
        Assert.That((index.Count, index.PersonCount), Is.EqualTo((4, 2)));
    }

    [Test]
    public void FindBest_breaks_ties_by_ordinal_person_id_whatever_the_insertion_order()
    {
        var index = new TemplateIndex(2);
        index.Add("zoe", Axis(2, 0));
        index.Add("Zed", Axis(2, 0));
        index.Add("adam", Axis(2, 0));

        var match = index.FindBest(Axis(2, 0));

        Assert.That((match.PersonId, match.SecondPersonId), Is.EqualTo(("Zed", "adam")));
    }

    [Test]
    public void Add_normalises_templates_and_FindBest_scales_the_probe_to_cosine()
    {
        var index = new TemplateIndex(3);
        index.Add("anna", [3, 0, 0]);

        Assert.That(index.FindBest([5, 5, 0]).Similarity, Is.EqualTo(MathF.Sqrt(0.5f)).Within(1e-6));
    }

    [Test]
    public void FindBest_on_an_empty_index_finds_nobody()
    {
        Assert.That(new TemplateIndex(3).FindBest([1, 0, 0]), Is.EqualTo(TemplateMatch.None));
    }

    [Test]
    public void FindBest_rejects_a_probe_of_the_wrong_dimension()
    {
        var index = new TemplateIndex(128);

        Assert.That(() => index.FindBest(new float[64]), Throws.ArgumentException.With.Message.Contains("64 values").And.Message.Contains("128"));
    }

    [Test]
    public void FindBest_and_Add_reject_NaN()
    {
        var index = new TemplateIndex(3);

        Assert.That(() => index.FindBest([1, float.NaN, 0]), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => index.Add("anna", [float.NaN, 0, 0]), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => index.Add("anna", [0, 0, 0]), Throws.ArgumentException);
    }

    [Test]
    public void RemovePerson_removes_every_template_of_that_person_and_wipes_the_old_matrix()
    {
        var index = new TemplateIndex(2);
        index.Add("anna", Axis(2, 0));
        index.Add("anna", Axis(2, 1));
        index.Add("bob", [0.6f, 0.8f]);
        var before = index.CurrentSnapshot.Matrix;

        var removed = index.RemovePerson("anna");

        Assert.That(removed, Is.EqualTo(2));
        Assert.That(index.FindBest(Axis(2, 0)).PersonId, Is.EqualTo("bob"));
        Assert.That(before, Is.All.Zero, "biometric rows do not linger in memory after removal");
        Assert.That(index.RemovePerson("nobody"), Is.Zero);
    }

    [Test]
    public void Replace_swaps_in_a_whole_new_set_of_templates()
    {
        var index = new TemplateIndex(2);
        index.Add("old", Axis(2, 0));

        index.Replace([new EnrolledTemplate("new", Axis(2, 0)), new EnrolledTemplate("other", Axis(2, 1))]);

        Assert.That(index.FindBest(Axis(2, 0)).PersonId, Is.EqualTo("new"));
        Assert.That(index.Count, Is.EqualTo(2));
    }

    [Test]
    public void Readers_see_consistent_results_while_a_writer_adds_and_removes()
    {
        var index = new TemplateIndex(8);
        index.Add("anchor", Axis(8, 0));
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var random = new Random(1);
            for (var i = 0; i < 2000; i++)
            {
                index.Add($"w{i % 7}", Unit(random, 8));
                if (i % 3 == 0)
                {
                    index.RemovePerson($"w{(i + 1) % 7}");
                }
            }
        });

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                var match = index.FindBest(Axis(8, 0));
                Assert.That(match.PersonId, Is.EqualTo("anchor"));
                Assert.That(match.Similarity, Is.EqualTo(1f).Within(1e-5));
            }
        })).ToArray();

        Assert.That(() => Task.WaitAll([writer, .. readers], TimeSpan.FromSeconds(60)), Is.True);
    }

    [Test]
    public void FindBest_equals_a_brute_force_search_over_a_thousand_rows()
    {
        // 1,000 rows of persons with 1 to 7 templates each, probes among them (exact ties with a template) and random.
        var random = new Random(11);
        var rows = new List<(string Person, float[] Template)>();
        for (var person = 0; rows.Count < 1000; person++)
        {
            var count = 1 + random.Next(7);
            for (var t = 0; t < count; t++)
            {
                rows.Add(($"p{person:0000}", Unit(random, 16)));
            }
        }

        var index = new TemplateIndex(16);
        index.Replace(rows.Select(r => new EnrolledTemplate(r.Person, r.Template)));
        for (var trial = 0; trial < 20; trial++)
        {
            var probe = trial % 2 == 0 ? rows[random.Next(rows.Count)].Template : Unit(random, 16);
            var expected = rows
                .GroupBy(r => r.Person)
                .Select(g => (Person: g.Key, Similarity: g.Max(r => r.Template.Zip(probe, (a, b) => (double)a * b).Sum())))
                .OrderByDescending(p => p.Similarity).ThenBy(p => p.Person, StringComparer.Ordinal)
                .Take(2).ToArray();

            var match = index.FindBest(probe);

            Assert.That((match.PersonId, match.SecondPersonId), Is.EqualTo((expected[0].Person, expected[1].Person)), $"trial {trial}");
            Assert.That(match.Similarity, Is.EqualTo(expected[0].Similarity).Within(1e-5));
            Assert.That(match.SecondSimilarity, Is.EqualTo(expected[1].Similarity).Within(1e-5));
        }
    }

    [Test]
    public void FindBest_allocates_nothing()
    {
        var random = new Random(3);
        var index = new TemplateIndex(128);
        index.Replace(Enumerable.Range(0, 3000).Select(i => new EnrolledTemplate($"p{i / 3}", Unit(random, 128))));
        var probe = Unit(random, 128);
        index.FindBest(probe);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            index.FindBest(probe);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
