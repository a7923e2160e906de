using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Storage.Store;

namespace GateController.Audit;

/// <summary><c>GET /v1/audit/verify</c> walks the chain; <c>GET /v1/audit?count=N</c> lists the newest rows (ids and details, never names).</summary>
internal static class AuditEndpoints
{
    public const int DefaultCount = 20;
    public const int MaxCount = 10_000;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/audit/verify", (GateStore store) =>
        {
            var verification = store.VerifyAudit();
            return ApiResults.Json(new JsonObject
            {
                ["valid"] = verification.IsValid,
                ["rowsChecked"] = verification.RowsChecked,
                ["firstBadRow"] = verification.FirstBadSequence,
                ["anchorRow"] = verification.AnchorSequence,
                ["headHash"] = verification.HeadHash,
                ["message"] = verification.Message,
            });
        });

        api.MapGet("/v1/audit", (GateStore store, int? count) =>
        {
            var wanted = count ?? DefaultCount;
            if (wanted is < 1 or > MaxCount)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"count is {wanted}; expected 1 to {MaxCount}.");
            }

            return ApiResults.Json(new JsonObject
            {
                ["rows"] = new JsonArray([.. store.RecentAudit(wanted).Select(entry => (JsonNode)new JsonObject
                {
                    ["seq"] = entry.Sequence,
                    ["time"] = entry.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["kind"] = entry.Kind,
                    ["subject"] = entry.Subject,
                    ["detail"] = entry.Detail,
                    ["hash"] = Convert.ToHexStringLower(entry.Hash.Span),
                })]),
            });
        });
    }
}
