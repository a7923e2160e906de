namespace GateController.Configuration;

/// <summary>
/// One place in the configuration tree the daemon reads: a <see cref="SettingNode"/> (one value), a
/// <see cref="SectionNode"/> (named keys), a <see cref="ListNode"/> (numbered entries), a <see cref="KindNode"/>
/// (an entry whose <c>Kind</c> picks its keys) or a <see cref="FreeFormNode"/> (a section another library reads).
/// </summary>
internal abstract class SchemaNode
{
    /// <summary>What a value here must be, for messages: "a whole number between 0 and 1023", "a section".</summary>
    public abstract string Expected { get; }
}
