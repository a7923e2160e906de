using System.Text.Json.Nodes;
using GateController.Face;
using GateController.Storage.Store;

namespace GateController.Admin;

internal static class PersonEndpoints
{
    public static void MapPersonEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/persons", async (HttpRequest request, GateStore store) =>
        {
            var (body, error) = await JsonBody.ReadAsync(request).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            var id = body?["id"]?.GetValue<string>();
            var name = body?["name"]?.GetValue<string>();
            if (id is null || name is null)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "a person needs both \"id\" and \"name\"");
            }

            var result = store.AddPerson(id, name);
            return result.Succeeded
                ? ApiResults.Json(new JsonObject { ["id"] = result.Value.Id }, StatusCodes.Status201Created)
                : StoreRefusals.ToResult(result.Refusal!);
        });

        api.MapDelete("/v1/persons/{id}", (string id, GateStore store, FacePath face) =>
        {
            // Issue #4: every erasure comes with a signed deletion receipt (Privacy/ErasureJson.cs).
            var result = store.DeletePersonWithReceipt(id);
            if (!result.Succeeded)
            {
                return StoreRefusals.ToResult(result.Refusal!);
            }

            face.RemovePerson(id);
            return ApiResults.Json(Privacy.ErasureJson.From(result.Value));
        });
    }
}
