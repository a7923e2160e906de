using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

internal static class EventsCommand
{
    public static Command Create(CliSession session)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events until interrupted" };
        var command = new Command("events", "Show recent access decisions (never biometric data)") { json, follow };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var asJson = parseResult.GetValue(json);
            var recent = await client.GetAsync("v1/events", cancellationToken).ConfigureAwait(false);
            foreach (var accessEvent in recent["events"]?.AsArray() ?? [])
            {
                Print(accessEvent!, asJson);
            }

            if (parseResult.GetValue(follow))
            {
                await foreach (var accessEvent in client.StreamAsync("v1/events/follow", cancellationToken).ConfigureAwait(false))
                {
                    Print(accessEvent, asJson);
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(JsonNode accessEvent, bool asJson)
    {
        if (asJson)
        {
            Console.WriteLine(CliJson.Text(accessEvent));
            return;
        }

        Console.WriteLine(
            $"{accessEvent["time"]} {accessEvent["method"],-4} {accessEvent["reader"],-12} {accessEvent["person"]?.ToString() ?? "-",-12} " +
            $"{accessEvent["result"],-9} {accessEvent["reason"]} ({accessEvent["latencyMs"]} ms)");
        Console.Out.Flush();
    }
}
