using System.CommandLine;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl person export [--output FILE]</c>: every resident in the import file's columns, cards in full so the file
/// imports elsewhere; never a PIN, a face or a template. The daemon audits each export. A file is created 0600.
/// </summary>
internal static class PersonExportCommand
{
    public static Command Create(CliSession session)
    {
        var output = new Option<FileInfo?>("--output") { Description = "Write the CSV to this file (mode 0600) instead of standard output" };
        var command = new Command("export", "Write every resident as CSV: id, name, cards, groups, validity (never a PIN or a face)") { output };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var export = await client.GetAsync("v1/persons/export", cancellationToken).ConfigureAwait(false);
            var persons = export["persons"]!.AsArray();
            if (parseResult.GetValue(output) is { } file)
            {
                // Card numbers open the gate: the file is the owner's only.
                using var stream = new FileStream(file.FullName, new FileStreamOptions
                {
                    Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                using var writer = new StreamWriter(stream);
                Write(writer, persons);
                await Console.Error.WriteLineAsync($"exported {persons.Count} resident(s) to {file.FullName}").ConfigureAwait(false);
            }
            else
            {
                Write(Console.Out, persons);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter text, JsonArray persons)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text);
        foreach (var person in persons)
        {
            using var row = writer.NewRow();
            row[PersonCsvColumns.Id].Set(person!["id"]!.GetValue<string>());
            row[PersonCsvColumns.Name].Set(person["name"]!.GetValue<string>());
            row[PersonCsvColumns.Cards].Set(Joined(person["cards"]));
            row[PersonCsvColumns.Groups].Set(Joined(person["groups"]));
            row[PersonCsvColumns.ValidFrom].Set(person["validFrom"]?.GetValue<string>() ?? "");
            row[PersonCsvColumns.ValidUntil].Set(person["validUntil"]?.GetValue<string>() ?? "");
        }
    }

    private static string Joined(JsonNode? values) => string.Join(PersonCsvColumns.Separator, values!.AsArray().Select(v => v!.GetValue<string>()));
}
