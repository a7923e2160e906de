using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Admin;

/// <summary>A request's JSON body, or the 400 that says it is not JSON.</summary>
internal static class JsonBody
{
    public static async Task<(JsonNode? Body, IResult? Error)> ReadAsync(HttpRequest request)
    {
        try
        {
            return (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false), null);
        }
        catch (JsonException exception)
        {
            return (null, ApiResults.Error(StatusCodes.Status400BadRequest, $"the request body is not JSON: {exception.Message}"));
        }
    }
}
