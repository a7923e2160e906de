using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace GateController.Cli.Doctor;

/// <summary>
/// <c>gatectl doctor [--config FILE] [--simulate] [--json]</c>: checks what an installer gets wrong (configuration, GPIO
/// lines, camera, models, store key, clock, disk, unit hardening) and says how to fix each failure. Exit 1 when any fails.
/// </summary>
internal static class DoctorCommand
{
    public const string SystemConfigFile = "/etc/gate-controller/config.json";

    public static Command Create(CliSession session)
    {
        var config = new Option<FileInfo?>("--config") { Description = $"The daemon's configuration (default {SystemConfigFile})" };
        var simulate = new Option<bool>("--simulate") { Description = "Check as gate-controller --simulate runs (no GPIO chip needed)" };
        var json = new Option<bool>("--json") { Description = "One JSON object per check" };
        var command = new Command("doctor", "Check the configuration, GPIO lines, camera, models, store key, clock, disk and unit; say how to fix each failure")
        {
            config, simulate, json,
        };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var file = parseResult.GetValue(config)?.FullName ?? SystemConfigFile;
            if (!File.Exists(file))
            {
                throw new CliException($"{file} does not exist; give the daemon's configuration with --config", ExitCodes.LocalInput);
            }

            var settings = new ConfigurationBuilder().AddJsonFile(file, optional: false)
                .AddInMemoryCollection(parseResult.GetValue(simulate) ? [KeyValuePair.Create("Daemon:Simulate", (string?)"true")] : [])
                .Build();
            var context = new DoctorContext(file, settings, await StatusAsync(client, cancellationToken).ConfigureAwait(false));
            var findings = await RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                findings.ForEach(f => Console.WriteLine(CliJson.Text(new JsonObject
                {
                    ["check"] = f.Check, ["outcome"] = f.Outcome.ToString().ToLowerInvariant(), ["detail"] = f.Detail, ["fix"] = f.Fix,
                })));
            }
            else
            {
                AnsiConsole.Write(Table(findings));
            }

            return findings.Any(f => f.Outcome == DoctorOutcome.Fail) ? ExitCodes.Refused : ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<List<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
    [
        .. StoreChecks.Configuration(context),
        .. DeviceChecks.Gpio(context),
        DeviceChecks.Camera(context),
        .. await StoreChecks.ModelsAsync(context, cancellationToken).ConfigureAwait(false),
        StoreChecks.Key(context),
        SystemChecks.Clock(),
        SystemChecks.Disk(context),
        SystemChecks.Unit(),
    ];

    /// <summary>The running daemon's status, or null when none answers: the checks then look at what is on disk.</summary>
    private static async Task<JsonNode?> StatusAsync(AdminClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync("v1/status", cancellationToken).ConfigureAwait(false);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.Unreachable)
        {
            return null;
        }
    }

    private static Table Table(IEnumerable<DoctorFinding> findings)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("check", "result", "detail", "how to fix");
        foreach (var finding in findings)
        {
            table.AddRow(finding.Check, finding.Outcome switch { DoctorOutcome.Pass => "ok", DoctorOutcome.Fail => "FAIL", _ => "skipped" },
                Markup.Escape(finding.Detail), Markup.Escape(finding.Fix ?? ""));
        }

        return table;
    }
}
