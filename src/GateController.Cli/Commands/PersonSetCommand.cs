using System.CommandLine;
using System.Text.Json.Nodes;
using GateController.Core.Rules;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl person set ID [--group G]... [--no-groups] [--valid-from DATE|none] [--valid-until DATE|none]</c>:
/// only what is given changes. Dates are in the site's zone, both inclusive.
/// </summary>
internal static class PersonSetCommand
{
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The resident's id" };
        var groups = new Option<string[]>("--group") { Description = "An access group; repeat for several; replaces the person's groups" };
        var noGroups = new Option<bool>("--no-groups") { Description = "Take the person out of every group" };
        var validFrom = new Option<string?>("--valid-from") { Description = "First day the person may enter (move-in), yyyy-MM-dd, or none" };
        var validUntil = new Option<string?>("--valid-until") { Description = "Last day the person may enter (move-out), yyyy-MM-dd, or none" };
        var command = new Command("set", "Set a resident's access groups and validity period (move-in, move-out)") { id, groups, noGroups, validFrom, validUntil };
        command.SetAction((parseResult, cancellationToken) => CliSession.Guard(async () =>
        {
            var body = new JsonObject();
            var groupNames = parseResult.GetValue(groups) ?? [];
            if (groupNames.Length > 0 && parseResult.GetValue(noGroups))
            {
                throw new CliException("give either --group G... or --no-groups, not both", ExitCodes.Usage);
            }

            if (groupNames.FirstOrDefault(g => !AccessGroup.IsValidName(g)) is { } bad)
            {
                throw new CliException(AccessGroup.NameProblem(bad), ExitCodes.Usage);
            }

            if (groupNames.Length > 0 || parseResult.GetValue(noGroups))
            {
                body["groups"] = new JsonArray([.. groupNames.Select(g => (JsonNode)g)]);
            }

            AddDate(body, "validFrom", "--valid-from", parseResult.GetValue(validFrom));
            AddDate(body, "validUntil", "--valid-until", parseResult.GetValue(validUntil));
            if (body.Count == 0)
            {
                throw new CliException("nothing to set; give --group, --no-groups, --valid-from or --valid-until", ExitCodes.Usage);
            }

            return await session.RunAsync(parseResult, async client =>
            {
                var personId = parseResult.GetValue(id)!;
                var result = await client.SendJsonAsync(HttpMethod.Patch, $"v1/persons/{Uri.EscapeDataString(personId)}/access", body, cancellationToken).ConfigureAwait(false);
                var set = result["groups"]!.AsArray();
                Console.WriteLine($"person {personId}: groups {(set.Count == 0 ? "none" : string.Join(", ", set))}; " +
                    $"valid from {result["validFrom"]?.ToString() ?? "any date"} until {result["validUntil"]?.ToString() ?? "no end"}");
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        }));
        return command;
    }

    private static void AddDate(JsonObject body, string key, string option, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            body[key] = null;
            return;
        }

        body[key] = PersonValidity.TryParseDate(text, out var date)
            ? PersonValidity.Text(date)
            : throw new CliException($"{option} '{text}' is not a date; expected yyyy-MM-dd (e.g. 2026-06-30) or none", ExitCodes.Usage);
    }
}
