using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(CliSession session)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object" };
        var command = new Command("status", "Show uptime, the camera (fps, last frame age), the models and their checksums, doors, readers with their last activity, store counts and the last 10 events") { json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var status = await client.GetAsync("v1/status", cancellationToken).ConfigureAwait(false);
            Console.WriteLine(parseResult.GetValue(json) ? CliJson.Text(status) : Render(status));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Render(JsonNode status)
    {
        var lines = new List<string>();
        foreach (var (section, value) in status.AsObject())
        {
            if (value is JsonArray items)
            {
                lines.Add($"{section}:{(items.Count == 0 ? " none" : "")}");
                lines.AddRange(items.Select(item => item is JsonObject fields
                    ? $"  - {string.Join(' ', fields.Where(f => f.Value is not null).Select(f => $"{f.Key}={CliJson.Text(f.Value).Trim('"')}"))}"
                    : $"  - {CliJson.Text(item).Trim('"')}"));
            }
            else if (value is JsonObject inner)
            {
                lines.Add($"{section}:");
                lines.AddRange(inner.Select(pair => $"  {pair.Key}: {CliJson.Text(pair.Value).Trim('"')}"));
            }
            else
            {
                lines.Add($"{section}: {CliJson.Text(value).Trim('"')}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}
