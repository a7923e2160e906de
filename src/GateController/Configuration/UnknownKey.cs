namespace GateController.Configuration;

/// <summary>The message for a key no options class has: the nearest valid key, or what the section does take.</summary>
internal static class UnknownKey
{
    public static string Describe(IConfigurationSection key, SectionNode section, string? parentPath, SectionNode root)
    {
        var sibling = NearestKey.Among(key.Key, section.Children.Keys);
        var suggestion = sibling is not null ? Join(parentPath, sibling) : Elsewhere(key.Key, root);
        var takes = parentPath is null ? "the sections are" : $"{parentPath} takes";
        return suggestion is not null
            ? $"{key.Path} is not a setting the daemon knows{Suggest(suggestion)}."
            : $"{key.Path} is not a setting the daemon knows; {takes} {AllowedValues.OneOf([.. section.Children.Keys])}.";
    }

    public static string Suggest(string? key) => key is null ? "" : $"; did you mean {key}?";

    /// <summary>The shortest key of the same name in another section: <c>Camera</c> is <c>Vision:Camera</c>.</summary>
    private static string? Elsewhere(string name, SectionNode root) =>
        Paths(root, null).Where(p => p.EndsWith($":{name}", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.Length).FirstOrDefault();

    private static IEnumerable<string> Paths(SectionNode section, string? prefix)
    {
        foreach (var (key, child) in section.Children)
        {
            var path = Join(prefix, key);
            yield return path;
            if (child is SectionNode nested)
            {
                foreach (var inner in Paths(nested, path))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Join(string? prefix, string key) => prefix is null ? key : $"{prefix}:{key}";
}
