using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl audit verify</c> and <c>gatectl audit show [--count N] [--json]</c>.</summary>
internal static class AuditCommands
{
    public static Command Create(CliSession session)
    {
        var audit = new Command("audit", "Check and read the hash-chained audit trail (ids and details, never names or biometrics)");
        audit.Subcommands.Add(Verify(session));
        audit.Subcommands.Add(Show(session));
        return audit;
    }

    private static Command Verify(CliSession session)
    {
        var command = new Command("verify", "Walk the audit chain; exit 1 and name the first bad row if it was edited, deleted or reordered");
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var answer = await client.GetAsync("v1/audit/verify", cancellationToken).ConfigureAwait(false);
            if (answer["valid"]?.GetValue<bool>() == true)
            {
                var anchor = answer["anchorRow"] is { } row ? $", from the retention anchor at row {row}" : "";
                Console.WriteLine($"OK: {answer["rowsChecked"]} rows checked{anchor}; head {answer["headHash"]}");
                return ExitCodes.Success;
            }

            await Console.Error.WriteLineAsync($"BAD: {answer["message"]}").ConfigureAwait(false);
            return ExitCodes.Refused;
        }));
        return command;
    }

    private static Command Show(CliSession session)
    {
        var count = new Option<int>("--count", "-n") { Description = "How many of the newest rows", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var command = new Command("show", "Show the newest audit rows, oldest first") { count, json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var wanted = parseResult.GetValue(count).ToString(CultureInfo.InvariantCulture);
            var answer = await client.GetAsync($"v1/audit?count={wanted}", cancellationToken).ConfigureAwait(false);
            foreach (var row in answer["rows"]?.AsArray() ?? [])
            {
                Console.WriteLine(parseResult.GetValue(json) ? CliJson.Text(row) : Line(row!));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Line(JsonNode row) =>
        $"{row["seq"],6} {row["time"]} {row["kind"],-20} {row["subject"]?.ToString() ?? "-",-12} {row["detail"]}";
}
