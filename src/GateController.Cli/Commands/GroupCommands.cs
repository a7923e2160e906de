using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using GateController.Core.Rules;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl group add|remove|show</c>: access groups with weekly windows, holidays and doors.</summary>
internal static class GroupCommands
{
    public static Command Create(CliSession session)
    {
        var group = new Command("group", "Access groups: when their members may enter (weekly windows, holidays), at which doors");
        group.Subcommands.Add(Add(session));
        group.Subcommands.Add(Remove(session));
        group.Subcommands.Add(Show(session));
        return group;
    }

    private static Command Add(CliSession session)
    {
        var name = new Argument<string>("NAME") { Description = "The group's name, e.g. residents or cleaners" };
        var windows = new Option<string[]>("--window") { Description = "A weekly window, [DAYS ]HH:MM-HH:MM, e.g. \"Mon-Fri 08:00-18:00\" or \"22:00-06:00\"; repeat for several", AllowMultipleArgumentsPerToken = false };
        var holidays = new Option<string[]>("--holiday") { Description = "A holiday date, yyyy-MM-dd; on it the --holiday-window windows apply instead (none: closed)" };
        var holidayWindows = new Option<string[]>("--holiday-window") { Description = "A window that applies on holiday dates, e.g. \"10:00-16:00\"" };
        var doors = new Option<int[]>("--door") { Description = "A door the group covers (default: every door); repeat for several" };
        var command = new Command("add", "Add an access group, or replace the windows, holidays and doors of an existing one") { name, windows, holidays, holidayWindows, doors };
        command.SetAction((parseResult, cancellationToken) => CliSession.Guard(async () =>
        {
            var groupName = parseResult.GetValue(name)!;
            string[] windowTexts = parseResult.GetValue(windows) ?? [], holidayTexts = parseResult.GetValue(holidays) ?? [], holidayWindowTexts = parseResult.GetValue(holidayWindows) ?? [];
            int[] doorNumbers = parseResult.GetValue(doors) ?? [];
            // Checked here too, so a typo is a usage error (exit 2) before anything reaches the daemon.
            if (!AccessGroupText.TryCreate(groupName, windowTexts, holidayTexts, holidayWindowTexts, doorNumbers, out _, out var problem))
            {
                throw new CliException(problem, ExitCodes.Usage);
            }

            return await session.RunAsync(parseResult, async client =>
            {
                var body = new JsonObject
                {
                    ["name"] = groupName,
                    ["windows"] = Array(windowTexts),
                    ["holidays"] = Array(holidayTexts),
                    ["holidayWindows"] = Array(holidayWindowTexts),
                    ["doors"] = new JsonArray([.. doorNumbers.Select(d => (JsonNode)d)]),
                };
                var result = await client.PostJsonAsync("v1/groups", body, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"group {groupName} {(result["created"]?.GetValue<bool>() == true ? "added" : "replaced")}: {result["detail"]}");
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Remove(CliSession session)
    {
        var name = new Argument<string>("NAME") { Description = "The group's name" };
        var command = new Command("remove", "Remove an access group nobody belongs to") { name };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var groupName = parseResult.GetValue(name)!;
            await client.DeleteAsync($"v1/groups/{Uri.EscapeDataString(groupName)}", cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"group {groupName} removed");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliSession session)
    {
        var name = new Argument<string?>("NAME") { Description = "One group (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("show", "Show access groups: windows, holidays, doors and how many members") { name, json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var groupName = parseResult.GetValue(name);
            var result = await client.GetAsync(groupName is null ? "v1/groups" : $"v1/groups/{Uri.EscapeDataString(groupName)}", cancellationToken).ConfigureAwait(false);
            var groups = groupName is null ? result["groups"]!.AsArray().OfType<JsonNode>().ToList() : [result];
            Console.WriteLine(parseResult.GetValue(json) ? CliJson.Text(result) : Render(groups));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Render(List<JsonNode> groups)
    {
        if (groups.Count == 0)
        {
            return "no access groups";
        }

        var text = new StringBuilder();
        foreach (var group in groups)
        {
            var doors = group["doors"]!.AsArray();
            text.AppendLine($"group {group["name"]}: {group["members"]} member(s), doors {(doors.Count == 0 ? "all" : string.Join(", ", doors))}");
            text.AppendLine($"  windows: {List(group["windows"], "none (never open)")}");
            text.AppendLine($"  holidays: {List(group["holidays"], "none")}; on holidays: {List(group["holidayWindows"], "closed")}");
        }

        return text.ToString().TrimEnd();
    }

    private static string List(JsonNode? array, string empty) =>
        array is JsonArray { Count: > 0 } items ? string.Join(", ", items.Select(i => i!.GetValue<string>())) : empty;

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);
}
