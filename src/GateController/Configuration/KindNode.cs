namespace GateController.Configuration;

/// <summary>
/// A reader or keypad entry: its <c>Kind</c> picks the driver, and with it the keys the entry may have.
/// Kinds are compared as the binder does (<see cref="Readers.AccessPointBinder"/>): exactly.
/// </summary>
internal sealed class KindNode(string description, string? defaultKind, IReadOnlyDictionary<string, SectionNode> kinds) : SchemaNode
{
    public const string KindKey = "Kind";

    /// <summary>"reader", "keypad": what one entry is.</summary>
    public string Description { get; } = description;

    /// <summary>The kind of an entry without <c>Kind</c>; null when the kind is required.</summary>
    public string? DefaultKind { get; } = defaultKind;

    public IReadOnlyDictionary<string, SectionNode> Kinds { get; } = kinds;

    public override string Expected => $"a {Description}";
}
