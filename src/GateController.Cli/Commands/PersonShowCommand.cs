using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl person show ID</c>: the data-subject report. Never contains biometric values (the daemon never sends them).</summary>
internal static class PersonShowCommand
{
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The resident's id" };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object" };
        var command = new Command("show", "Show everything stored about a resident (data-subject report; no biometric values)") { id, json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var personId = parseResult.GetValue(id)!;
            var report = await client.GetAsync($"v1/persons/{Uri.EscapeDataString(personId)}/report", cancellationToken).ConfigureAwait(false);
            Console.WriteLine(parseResult.GetValue(json) ? CliJson.Text(report) : Render(report));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The text form. Internal so tests can render a real report without a daemon.</summary>
    internal static string Render(JsonNode report)
    {
        var text = new StringBuilder();
        text.AppendLine($"person {report["id"]}: {report["name"]} (added {report["addedAt"]})");
        text.AppendLine("data keys: " + string.Join(", ", Items(report["dataKeys"]).Select(k => $"{k["purpose"]} (created {k["createdAt"]})")));
        foreach (var consent in Items(report["faceConsents"]))
        {
            text.AppendLine($"face consent #{consent["id"]}: given by {consent["consentedBy"]} at {consent["consentedAt"]}, how: {consent["method"]}, " +
                $"taken by operator {consent["operator"]}, recorded {consent["recordedAt"]}, {consent["faceTemplates"]} template(s)");
        }

        foreach (var group in Items(report["faceTemplates"]))
        {
            text.AppendLine($"face templates: {group["count"]} × {group["dimensions"]}-d for model {group["model"]}, enrolled {group["firstEnrolledAt"]} … {group["lastEnrolledAt"]} (values never shown)");
        }

        foreach (var card in Items(report["cards"]))
        {
            text.AppendLine($"card #{card["id"]}: {card["masked"]?.ToString() ?? "unreadable (see DAMAGED)"}, added {card["addedAt"]} (number masked)");
        }

        foreach (var pin in Items(report["pins"]))
        {
            text.AppendLine(pin["set"]?.GetValue<bool>() == true
                ? $"{pin["kind"]} PIN: set {pin["setAt"]} (never shown)"
                : $"{pin["kind"]} PIN: not set");
        }

        if (report["access"] is { } access)
        {
            var groups = Items(access["groups"]).Select(g => g.GetValue<string>()).ToList();
            text.AppendLine($"access groups: {(groups.Count == 0 ? "none" : string.Join(", ", groups))}; " +
                $"valid from {access["validFrom"]?.ToString() ?? "any date"} until {access["validUntil"]?.ToString() ?? "no end"}" +
                (access["setAt"] is { } setAt ? $" (set {setAt})" : ""));
        }

        text.AppendLine($"access events: {report["accessEvents"]} stored, last face grant {report["lastFaceGrantAt"]?.ToString() ?? "never"}");
        foreach (var accessEvent in Items(report["recentAccessEvents"]))
        {
            text.AppendLine($"  {accessEvent["time"]} {accessEvent["method"]} at {accessEvent["reader"]}: {accessEvent["result"]} ({accessEvent["reason"]})");
        }

        text.AppendLine($"audit entries about this person: {report["auditEntries"]}");
        foreach (var problem in Items(report["damaged"]))
        {
            text.AppendLine($"DAMAGED: {problem}");
        }

        return text.ToString().TrimEnd();
    }

    private static IEnumerable<JsonNode> Items(JsonNode? array) => array is JsonArray items ? items.OfType<JsonNode>() : [];
}
