using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Admin;

/// <summary>JSON answers of the admin API; errors are always <c>{"error": "..."}</c> with one specific message.</summary>
internal static class ApiResults
{
    // Only gatectl reads these over a local socket, never a browser, so plain "+" and "'" read better than \u escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(ToJson(body), "application/json", System.Text.Encoding.UTF8, statusCode);

    public static string ToJson(JsonNode body) => body.ToJsonString(Options);

    public static IResult Error(int statusCode, string message) =>
        Json(new JsonObject { ["error"] = message }, statusCode);
}
