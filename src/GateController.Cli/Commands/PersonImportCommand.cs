using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl person import FILE.csv [--dry-run]</c>: residents with their cards, groups and validity, all or none in one
/// transaction, audited. Every problem is printed with its row and column before anything is written.
/// </summary>
internal static class PersonImportCommand
{
    public static Command Create(CliSession session)
    {
        var file = new Argument<FileInfo>("FILE") { Description = $"CSV with a header row: {string.Join(',', PersonCsvColumns.All)} (cards and groups separated by ;)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and write nothing" };
        var command = new Command("import", "Add residents from a CSV file in one transaction (never a PIN or a face)") { file, dryRun };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName} does not exist", ExitCodes.LocalInput);
            }

            List<JsonObject> rows;
            List<(int Row, string Column, string Message)> problems;
            using (var text = path.OpenText())
            {
                (rows, problems) = PersonImportFile.Read(text);
            }

            if (problems.Count > 0)
            {
                return Report(path, problems);
            }

            var body = new JsonObject { ["dryRun"] = parseResult.GetValue(dryRun), ["rows"] = new JsonArray([.. rows]) };
            var result = await WithProgressAsync($"{(parseResult.GetValue(dryRun) ? "checking" : "importing")} {rows.Count} resident(s)",
                () => client.PostJsonAsync("v1/persons/import", body, cancellationToken)).ConfigureAwait(false);
            var answered = result["problems"]!.AsArray()
                .Select(p => (p!["row"]!.GetValue<int>(), p["column"]!.GetValue<string>(), p["message"]!.GetValue<string>())).ToList();
            if (answered.Count > 0)
            {
                return Report(path, answered);
            }

            Console.WriteLine(result["applied"]!.GetValue<bool>()
                ? $"imported {result["persons"]} resident(s) with {result["cards"]} card(s) and {result["accessRecords"]} group/validity record(s) in one transaction (audit row {result["auditSequence"]})"
                : $"{result["persons"]} resident(s) with {result["cards"]} card(s) would be imported; nothing was written (--dry-run)");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Report(FileInfo path, IEnumerable<(int Row, string Column, string Message)> problems)
    {
        var list = problems.ToList();
        foreach (var (row, column, message) in list)
        {
            Console.Error.WriteLine($"gatectl: {path.Name}:{row}{(column.Length > 0 ? $": column {column}" : "")}: {message}");
        }

        Console.Error.WriteLine($"gatectl: {list.Count} problem(s); nothing was imported");
        return ExitCodes.Refused;
    }

    /// <summary>A spinner on a terminal only: in a pipe or a log, nothing but the result.</summary>
    private static async Task<T> WithProgressAsync<T>(string what, Func<Task<T>> work) =>
        AnsiConsole.Profile.Capabilities.Interactive
            ? await AnsiConsole.Status().StartAsync(what, _ => work()).ConfigureAwait(false)
            : await work().ConfigureAwait(false);
}
