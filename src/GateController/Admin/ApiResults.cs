using System.Text.Json.Nodes;

namespace GateController.Admin;

/// <summary>JSON answers of the admin API; errors are always <c>{"error": "..."}</c> with one specific message.</summary>
internal static class ApiResults
{
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, statusCode);

    public static IResult Error(int statusCode, string message) =>
        Json(new JsonObject { ["error"] = message }, statusCode);
}
