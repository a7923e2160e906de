namespace GateController.Vision.Matching;

/// <summary>
/// The best and second-best enrolled persons for a probe (distinct persons; each person's similarity is the
/// maximum over their templates). Ids are null and similarities −1 when there is no such person.
/// </summary>
public readonly record struct TemplateMatch(string? PersonId, float Similarity, string? SecondPersonId, float SecondSimilarity)
{
    /// <summary>The lowest cosine similarity; stands for "no person".</summary>
    public const float NoSimilarity = -1f;

    public static TemplateMatch None => new(null, NoSimilarity, null, NoSimilarity);
}
