using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Vision.Evaluation;
using Spectre.Console;

namespace GateController.Cli.Eval;

/// <summary><c>gatectl eval --pad</c>'s table and <c>--json</c> object (rates as fractions).</summary>
internal static class PadReportOutput
{
    public static JsonObject Json(PadReport report) => new()
    {
        ["standard"] = "ISO/IEC 30107-3",
        ["configuredThreshold"] = Math.Round(report.ConfiguredThreshold, 4),
        ["folders"] = new JsonArray([.. report.Folders.Select(f => (JsonNode)new JsonObject
        {
            ["folder"] = f.Name,
            ["kind"] = f.Name == PadEvaluation.BonaFideFolder ? "bonaFide" : "attack",
            ["photos"] = f.Photos,
            ["attempts"] = f.Scores.Count,
            ["facesNotFound"] = new JsonArray([.. f.FacesNotFound.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["unreadable"] = new JsonArray([.. f.Unreadable.Select(u => (JsonNode)new JsonObject { ["photo"] = u.Name, ["problem"] = u.Problem })]),
        })]),
        ["atConfigured"] = Rates(report.AtConfigured),
        ["thresholds"] = new JsonArray([.. report.AcrossThresholds.Select(r => (JsonNode)Rates(r))]),
    };

    public static void Write(IAnsiConsole console, PadReport report)
    {
        console.WriteLine("Presentation attack detection, ISO/IEC 30107-3 terms (P(real) of the largest face; at or above the threshold = bona fide)");
        foreach (var folder in report.Folders)
        {
            var kind = folder.Name == PadEvaluation.BonaFideFolder ? "bona fide" : "attack species";
            console.WriteLine(Invariant($"{folder.Name} ({kind}): {folder.Photos} photos, {folder.Scores.Count} attempts with a face, faces not found {folder.FacesNotFound.Count}{List(folder.FacesNotFound)}, unreadable {folder.Unreadable.Count}{List(folder.Unreadable.Select(u => $"{u.Name} ({u.Problem})"))}"));
        }

        var configured = report.AtConfigured;
        console.WriteLine(Invariant($"at the configured threshold {report.ConfiguredThreshold:F2}: BPCER {configured.Bpcer:P1} ({configured.BonaFideRejected} of {configured.BonaFide}); ") +
            string.Join("; ", configured.Species.Select(s => Invariant($"APCER {s.Species} {s.Apcer:P1} ({s.Accepted} of {s.Attempts})"))));
        var table = new Table().AddColumn("threshold").AddColumn("BPCER");
        foreach (var species in report.Species)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"APCER {species.Name}")));
        }

        table.AddColumn("APCER max");
        foreach (var rates in report.AcrossThresholds)
        {
            table.AddRow([
                Invariant($"{rates.Threshold:F2}{(Math.Abs(rates.Threshold - report.ConfiguredThreshold) < 1e-4 ? " (configured)" : "")}"),
                Invariant($"{rates.Bpcer:P1}"),
                .. rates.Species.Select(s => Invariant($"{s.Apcer:P1} ({s.Accepted}/{s.Attempts})")),
                Invariant($"{rates.MaximumApcer:P1}"),
            ]);
        }

        console.Write(table);
    }

    private static JsonObject Rates(PresentationAttackRates rates) => new()
    {
        ["threshold"] = Math.Round(rates.Threshold, 4),
        ["bpcer"] = rates.Bpcer,
        ["bonaFideAttempts"] = rates.BonaFide,
        ["bonaFideRejected"] = rates.BonaFideRejected,
        ["apcerMax"] = rates.MaximumApcer,
        ["species"] = new JsonArray([.. rates.Species.Select(s => (JsonNode)new JsonObject
        {
            ["species"] = s.Species, ["attempts"] = s.Attempts, ["accepted"] = s.Accepted, ["apcer"] = s.Apcer,
        })]),
    };

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "" : " (" + string.Join(", ", all.Take(10)) + (all.Count > 10 ? Invariant($", … {all.Count - 10} more") : "") + ")";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
