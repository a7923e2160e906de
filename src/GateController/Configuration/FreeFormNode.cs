namespace GateController.Configuration;

/// <summary>A section read by a library with keys of its own (<c>Logging:LogLevel:Microsoft.AspNetCore</c>): not checked here.</summary>
internal sealed class FreeFormNode : SchemaNode
{
    public override string Expected => "a section";
}
