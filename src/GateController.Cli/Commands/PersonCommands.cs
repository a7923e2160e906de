using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

internal static class PersonCommands
{
    public static Command Create(CliSession session)
    {
        var person = new Command("person", "Add, list, show, set and delete residents");
        person.Subcommands.Add(Add(session));
        person.Subcommands.Add(Delete(session));
        person.Subcommands.Add(PersonShowCommand.Create(session));
        person.Subcommands.Add(PersonSetCommand.Create(session));
        person.Subcommands.Add(PersonListCommand.Create(session));
        person.Subcommands.Add(PersonImportCommand.Create(session));
        person.Subcommands.Add(PersonExportCommand.Create(session));
        return person;
    }

    private static Command Add(CliSession session)
    {
        var id = new Option<string>("--id") { Description = "The resident's id, e.g. A-1203", Required = true };
        var name = new Option<string>("--name") { Description = "The resident's name (stored encrypted)", Required = true };
        var command = new Command("add", "Register a resident") { id, name };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["id"] = parseResult.GetValue(id), ["name"] = parseResult.GetValue(name) };
            await client.PostJsonAsync("v1/persons", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"added person {parseResult.GetValue(id)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Delete(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The resident's id" };
        var receipt = ReceiptOutput.Option();
        var command = new Command("delete", "Erase a resident and everything stored about them (face, cards, PIN, groups, validity), with a signed deletion receipt") { id, receipt };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var result = await client.DeleteAsync($"v1/persons/{Uri.EscapeDataString(personId)}", cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"deleted person {personId}: {result["summary"]?.GetValue<string>() ?? "done"}");
            await ReceiptOutput.WriteAsync(result, parseResult.GetValue(receipt), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
