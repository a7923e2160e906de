using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl card add|remove --id PERSON --card FORMAT:FACILITY:NUMBER</c> (or <c>--raw HEX [--length BITS]</c>).</summary>
internal static class CardCommands
{
    public static Command Create(CliSession session)
    {
        var card = new Command("card", "Give a resident a card, or take it back (card numbers are stored encrypted)");
        card.Subcommands.Add(Change(session, "add", "Give a resident a card; a card belongs to one person", "", "added"));
        card.Subcommands.Add(Change(session, "remove", "Take a card back from a resident", "/remove", "removed"));
        return card;
    }

    private static Command Change(CliSession session, string name, string description, string pathSuffix, string done)
    {
        var id = new Option<string>("--id") { Description = "The resident's id", Required = true };
        var number = new Option<string?>("--card") { Description = "FORMAT:FACILITY:NUMBER, e.g. H10301:13:13067 (FORMAT:NUMBER for H10302 and RawN)" };
        var raw = new Option<string?>("--raw") { Description = "The whole Wiegand frame in hexadecimal, parity bits included" };
        var length = new Option<int?>("--length") { Description = "Bits in the --raw frame (default: 4 per hex digit)" };
        var command = new Command(name, description) { id, number, raw, length };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(number) is null) == (result.GetValue(raw) is null))
            {
                result.AddError("give either --card FORMAT:FACILITY:NUMBER or --raw HEX");
            }
        });
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var body = new JsonObject
            {
                ["card"] = parseResult.GetValue(number),
                ["raw"] = parseResult.GetValue(raw),
                ["length"] = parseResult.GetValue(length),
            };
            var result = await client.PostJsonAsync($"v1/persons/{Uri.EscapeDataString(personId)}/cards{pathSuffix}", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"card {done} for {personId}: {result["detail"]?.GetValue<string>()} ({result["summary"]?.GetValue<string>()})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
