using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl door status|open|lock [--door N]</c> and <c>gatectl door hold --until TIME [--door N]</c>:
/// the technician's manual open and lock, and a logged hold-open (a moving day), each recorded with the operator.
/// </summary>
internal static class DoorCommands
{
    public static Command Create(CliSession session)
    {
        var door = new Command("door", "Show, open, lock or hold open a door (audited with the operator)");
        door.Subcommands.Add(Status(session));
        door.Subcommands.Add(Action(session, "open", "Unlock the door for one pulse (manual open)"));
        door.Subcommands.Add(Action(session, "lock", "Lock the door now, ending a pulse or a hold-open (the fire alarm still wins)"));
        door.Subcommands.Add(Hold(session));
        return door;
    }

    private static Option<int> DoorOption() => new("--door") { Description = "Door number (1 or 2)", DefaultValueFactory = _ => 1 };

    private static Option<string?> OperatorOption() =>
        new("--operator") { Description = "Who is doing this (default: the login user)" };

    private static string OperatorOf(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) ?? Environment.GetEnvironmentVariable("SUDO_USER") ?? Environment.UserName;

    private static Command Status(CliSession session)
    {
        var door = new Option<int?>("--door") { Description = "Only this door" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("status", "Show each door's relay, contact and alarms") { door, json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var result = await client.GetAsync("v1/doors", cancellationToken).ConfigureAwait(false);
            var doors = result["doors"]!.AsArray().Where(d => parseResult.GetValue(door) is not { } only || d!["door"]!.GetValue<int>() == only).ToList();
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliJson.Text(new JsonArray([.. doors.Select(d => d!.DeepClone())])));
                return ExitCodes.Success;
            }

            foreach (var state in doors)
            {
                Console.WriteLine($"door {state!["door"]}: {state["state"]}, relay {state["relay"]}, contact {state["contact"]}" +
                    $"{(state["alarms"]?.GetValue<string>() is { Length: > 0 } alarms ? $", alarms {alarms}" : "")}" +
                    $"{(state["holdUntil"] is { } until ? $", held open until {until}" : "")}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Action(CliSession session, string name, string description)
    {
        var door = DoorOption();
        var operatorName = OperatorOption();
        var command = new Command(name, description) { door, operatorName };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["operator"] = OperatorOf(parseResult, operatorName) };
            var result = await client.PostJsonAsync($"v1/doors/{parseResult.GetValue(door)}/{name}", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(result["summary"]?.GetValue<string>());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Hold(CliSession session)
    {
        var door = DoorOption();
        var operatorName = OperatorOption();
        var until = new Option<string>("--until") { Description = "Local time (HH:mm, today or tomorrow) or an ISO 8601 date and time", Required = true };
        var command = new Command("hold", "Hold the door unlocked until a time (at most 24 h ahead), e.g. for a moving day") { door, until, operatorName };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var at = ParseUntil(parseResult.GetValue(until)!, DateTimeOffset.Now);
            var body = new JsonObject { ["until"] = at.ToString("O", CultureInfo.InvariantCulture), ["operator"] = OperatorOf(parseResult, operatorName) };
            var result = await client.PostJsonAsync($"v1/doors/{parseResult.GetValue(door)}/hold", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(result["summary"]?.GetValue<string>());
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"18:00" is the next 18:00 in local time; anything else must be a full date and time.</summary>
    internal static DateTimeOffset ParseUntil(string text, DateTimeOffset now)
    {
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var today = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(time), now.Offset);
            return today > now ? today : today.AddDays(1);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at)
            ? at
            : throw new CliException($"--until '{text}' is not a time: give HH:mm or a date and time such as 2026-12-02T18:00", ExitCodes.Usage);
    }
}
