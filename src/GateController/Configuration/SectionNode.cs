namespace GateController.Configuration;

/// <summary>A section with named keys; any other key in it is a typo or a setting this build does not have.</summary>
internal sealed class SectionNode(IReadOnlyDictionary<string, SchemaNode> children) : SchemaNode
{
    /// <summary>Keys are case-insensitive, as the configuration binder reads them; the names keep the options' spelling.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Children { get; } = new Dictionary<string, SchemaNode>(children, StringComparer.OrdinalIgnoreCase);

    public override string Expected => "a section";

    public SectionNode With(string key, SchemaNode child) => new(new Dictionary<string, SchemaNode>(Children, StringComparer.OrdinalIgnoreCase) { [key] = child });

    /// <summary>Both sections' keys, for two options classes bound to one section (<c>Face</c>).</summary>
    public SectionNode Merge(SectionNode other) =>
        new(Children.Concat(other.Children).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase));
}
