using GateController.Journal;
using GateController.Storage.Store;

namespace GateController.Audit;

/// <summary>
/// Audits every mutating admin request (POST, PUT, PATCH, DELETE) by method, route pattern, status and
/// person id: never the body, query, a name, an image or a PIN. The row is written when the response
/// starts, so the admin sees the answer only after its audit row is durable.
/// </summary>
internal static class AdminCommandAudit
{
    public static void UseAdminCommandAudit(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var recorded = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                var personId = context.Request.RouteValues.TryGetValue("id", out var id) ? id as string : null;
                var services = context.RequestServices;
                services.GetRequiredService<GateStore>().RecordAdminCommand(context.Request.Method, route, status, personId);
                services.GetRequiredService<JournalWriter>().Enqueue(JournalEntry.AdminCommand(context.Request.Method, route, status, personId));
            }
        }

        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            Record(StatusCodes.Status500InternalServerError);
            throw;
        }

        Record(context.Response.StatusCode);
    });
}
