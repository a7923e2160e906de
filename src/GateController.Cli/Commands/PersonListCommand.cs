using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl person list</c>: a table of every resident, their ways in, validity and last access day; <c>--json</c> for scripts.</summary>
internal static class PersonListCommand
{
    public static Command Create(CliSession session)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per resident, one per line" };
        var method = new Option<string?>("--method") { Description = "Only residents with this way in (none: with no way in at all)" };
        method.AcceptOnlyFromAmong([.. PersonListFilter.Methods, "none"]);
        var without = new Option<string?>("--without") { Description = "Only residents without this way in" };
        without.AcceptOnlyFromAmong(PersonListFilter.Methods);
        var group = new Option<string?>("--group") { Description = "Only members of this access group" };
        var notSeenSince = new Option<DateOnly?>("--not-seen-since") { Description = "Only residents not let in since this day (yyyy-MM-dd), or never" };
        var expiresBy = new Option<DateOnly?>("--expires-by") { Description = "Only residents whose validity ends by this day (yyyy-MM-dd)" };
        var command = new Command("list", "List residents: id, ways in (face, card, PIN), validity and last access day")
        {
            json, method, without, group, notSeenSince, expiresBy,
        };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var filter = new PersonListFilter(
                parseResult.GetValue(method), parseResult.GetValue(without), parseResult.GetValue(group),
                parseResult.GetValue(notSeenSince), parseResult.GetValue(expiresBy));
            var listing = await client.GetAsync("v1/persons", cancellationToken).ConfigureAwait(false);
            var persons = listing["persons"]!.AsArray().Where(p => filter.Matches(p!)).ToList();
            if (parseResult.GetValue(json))
            {
                persons.ForEach(p => Console.WriteLine(CliJson.Text(p)));
            }
            else
            {
                AnsiConsole.Write(Table(persons!));
                Console.WriteLine($"{persons.Count} of {listing["persons"]!.AsArray().Count} resident(s)");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Table Table(IEnumerable<JsonNode> persons)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("id", "face", "card", "PIN", "validity", "groups", "last access");
        foreach (var person in persons)
        {
            table.AddRow(
                Markup.Escape(person["id"]!.GetValue<string>()),
                Count(person["faceTemplates"]),
                Count(person["cards"]),
                person["pin"]!.GetValue<bool>() ? (person["duressPin"]!.GetValue<bool>() ? "yes+duress" : "yes") : "-",
                Validity(person),
                Markup.Escape(string.Join(", ", person["groups"]!.AsArray().Select(g => g!.GetValue<string>()))),
                person["lastAccessDay"]?.GetValue<string>() ?? "never");
        }

        return table;
    }

    private static string Count(JsonNode? node) => node!.GetValue<int>() is var count and > 0 ? count.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Validity(JsonNode person) => (person["validFrom"]?.GetValue<string>(), person["validUntil"]?.GetValue<string>()) switch
    {
        (null, null) => "always",
        (var from, var until) => $"{from ?? "…"} to {until ?? "…"}",
    };
}
