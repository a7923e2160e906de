namespace GateController.Vision.Matching;

/// <summary>
/// The best and second-best persons seen so far, offered in ordinal person order: a later person displaces an
/// earlier one only when strictly more similar, so ties go to the ordinally smaller id.
/// </summary>
internal struct PersonRanking()
{
    private int _best = -1;
    private int _second = -1;
    private float _bestSimilarity = TemplateMatch.NoSimilarity;
    private float _secondSimilarity = TemplateMatch.NoSimilarity;

    public void Offer(int person, float similarity)
    {
        if (_best < 0 || similarity > _bestSimilarity)
        {
            (_second, _secondSimilarity) = (_best, _bestSimilarity);
            (_best, _bestSimilarity) = (person, similarity);
        }
        else if (_second < 0 || similarity > _secondSimilarity)
        {
            (_second, _secondSimilarity) = (person, similarity);
        }
    }

    public readonly TemplateMatch ToMatch(string[] persons) =>
        _best < 0
            ? TemplateMatch.None
            : new TemplateMatch(
                persons[_best], _bestSimilarity,
                _second < 0 ? null : persons[_second], _second < 0 ? TemplateMatch.NoSimilarity : _secondSimilarity);
}
