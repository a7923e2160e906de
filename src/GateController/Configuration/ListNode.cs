namespace GateController.Configuration;

/// <summary>A list (a JSON array; <c>Readers:0</c>, <c>Readers:1</c> in other sources), every entry of one shape.</summary>
internal sealed class ListNode(SchemaNode item) : SchemaNode
{
    public SchemaNode Item { get; } = item;

    public override string Expected => $"a list of {Item.Expected}s";
}
