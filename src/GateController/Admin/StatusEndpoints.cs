using System.Text.Json.Nodes;
using GateController.Core.Events;
using GateController.Core.Health;
using GateController.Hosting;
using Microsoft.Extensions.Options;

namespace GateController.Admin;

internal static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/status", (IEnumerable<ISubsystemStatusSource> sources, IOptions<DaemonOptions> daemon, TimeProvider time, DaemonClock clock,
            Face.FacePath face, AccessEventJournal journal, Storage.Store.GateStore store) =>
        {
            var status = StatusJson.From(sources.Select(s => s.GetStatus()), daemon.Value.Simulate, time.GetElapsedTime(clock.StartedTimestamp));
            StatusExtras.Add(status, face, journal, store);
            return ApiResults.Json(status);
        });

        api.MapGet("/v1/events", (AccessEventJournal journal) =>
            ApiResults.Json(new JsonObject { ["events"] = new JsonArray([.. journal.Recent().Select(e => (JsonNode)AccessEventJson.From(e))]) }));

        api.MapGet("/v1/events/follow", async (HttpContext context, AccessEventJournal journal) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                await foreach (var accessEvent in journal.FollowAsync(context.RequestAborted).ConfigureAwait(false))
                {
                    await context.Response.WriteAsync(ApiResults.ToJson(AccessEventJson.From(accessEvent)) + "\n", context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The follower went away.
            }
        });
    }
}
