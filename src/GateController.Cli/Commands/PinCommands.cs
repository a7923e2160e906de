using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl pin set --id PERSON [--duress]</c> and <c>gatectl pin clear --id PERSON</c>. The PIN is read
/// from stdin when it is not a terminal, else typed twice without echo; never from the command line,
/// where it would sit in shell history and in <c>ps</c> output.
/// </summary>
internal static class PinCommands
{
    public static Command Create(CliSession session)
    {
        var pin = new Command("pin", "Set or clear a resident's PIN (4 to 8 digits; stored only as a keyed hash)");
        pin.Subcommands.Add(Set(session));
        pin.Subcommands.Add(Clear(session));
        return pin;
    }

    private static Command Set(CliSession session)
    {
        var id = new Option<string>("--id") { Description = "The resident's id", Required = true };
        var duress = new Option<bool>("--duress") { Description = "Set the duress PIN: it opens the door like the PIN and silently alerts the guard" };
        var command = new Command("set", "Set a resident's PIN, read from stdin or typed twice at a prompt") { id, duress };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var isDuress = parseResult.GetValue(duress);
            var body = new JsonObject { ["pin"] = ReadPin(isDuress ? "duress PIN" : "PIN"), ["duress"] = isDuress };
            var result = await client.SendJsonAsync(HttpMethod.Put, $"v1/persons/{Uri.EscapeDataString(personId)}/pin", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{result["summary"]?.GetValue<string>()} for {personId}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Clear(CliSession session)
    {
        var id = new Option<string>("--id") { Description = "The resident's id", Required = true };
        var command = new Command("clear", "Remove a resident's PIN and duress PIN") { id };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            await client.DeleteAsync($"v1/persons/{Uri.EscapeDataString(personId)}/pin", cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"PINs cleared for {personId}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string ReadPin(string what)
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new CliException($"no {what} on stdin; pipe it in (printf '%s\\n' \"$PIN\" | gatectl pin set …) or run in a terminal", ExitCodes.Usage)
                : line.Trim();
        }

        var first = Prompt($"New {what}: ");
        var second = Prompt($"Repeat the {what}: ");
        return first == second ? first : throw new CliException($"the two {what}s differ; nothing was changed", ExitCodes.Usage);
    }

    private static string Prompt(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
