using GateController.Vision.Matching;

namespace GateController.Tests.Vision.Matching;

public sealed class TemplateIndexBuilderTests
{
    [Test]
    public void Rows_in_person_order_become_the_index_matrix_without_a_copy()
    {
        var builder = new TemplateIndexBuilder(2);
        builder.Reserve(3);
        builder.Add("anna", [3, 4]);
        builder.Add("anna", [0, 2]);
        builder.Add("bob", [1, 0]);
        var index = new TemplateIndex(2);

        index.Replace(builder);

        var snapshot = index.CurrentSnapshot;
        Assert.That(snapshot.Matrix, Is.EqualTo(new[] { 0.6f, 0.8f, 0, 1, 1, 0 }).Within(1e-6));
        Assert.That((snapshot.Persons, snapshot.FirstRow), Is.EqualTo((new[] { "anna", "bob" }, new[] { 0, 2, 3 })));
        Assert.That(builder.Rows, Is.Zero);
    }

    [Test]
    public void Rows_out_of_order_or_split_per_person_are_grouped_as_Add_would_group_them()
    {
        var builder = new TemplateIndexBuilder(2);
        builder.Add("zoe", [1, 0]);
        builder.Add("anna", [0, 1]);
        builder.Add("zoe", [1, 1]);
        var built = new TemplateIndex(2);
        built.Replace(builder);
        var added = new TemplateIndex(2);
        added.Add("zoe", [1, 0]);
        added.Add("anna", [0, 1]);
        added.Add("zoe", [1, 1]);

        Assert.That(built.CurrentSnapshot.Persons, Is.EqualTo(new[] { "anna", "zoe" }));
        Assert.That(built.CurrentSnapshot.Matrix, Is.EqualTo(added.CurrentSnapshot.Matrix));
        Assert.That(built.FindBest([1, 0.9f]), Is.EqualTo(added.FindBest([1, 0.9f])));
    }

    [Test]
    public void Fewer_rows_than_reserved_still_give_an_exact_matrix()
    {
        var builder = new TemplateIndexBuilder(2);
        builder.Reserve(10);
        builder.Add("anna", [1, 0]);
        var index = new TemplateIndex(2);

        index.Replace(builder);

        Assert.That(index.CurrentSnapshot.Matrix, Has.Length.EqualTo(2));
        Assert.That(index.FindBest([1, 0]).PersonId, Is.EqualTo("anna"));
    }

    [Test]
    public void Add_rejects_a_wrong_dimension_and_NaN_and_Replace_a_builder_of_another_dimension()
    {
        var builder = new TemplateIndexBuilder(2);

        Assert.Throws<ArgumentException>(() => builder.Add("anna", [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => builder.Add("anna", [float.NaN, 0]));
        Assert.Throws<ArgumentException>(() => new TemplateIndex(3).Replace(builder));
    }
}
