using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>
/// JSON as gatectl prints it: one object per line, with non-ASCII text (Chinese names, the "…" of a
/// masked card) as it is rather than \u escapes, since it goes to a terminal or a script, never a browser.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
