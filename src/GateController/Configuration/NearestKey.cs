namespace GateController.Configuration;

/// <summary>The valid key an unknown one was most likely meant to be: a typo (edit distance) or a key in the wrong section.</summary>
internal static class NearestKey
{
    /// <summary>
    /// The closest of <paramref name="candidates"/> within a third of the key's length (at least one edit):
    /// <c>HoldOpenDuraton</c> → <c>HoldOpenDuration</c>, but <c>Chip</c> is no typo of <c>Pin</c>. Ties go to the first.
    /// </summary>
    public static string? Among(string key, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, key.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance with two rows; keys are short, so this runs once per unknown key only.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
