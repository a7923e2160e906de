using System.CommandLine;
using Spectre.Console;

namespace GateController.Cli.Eval;

/// <summary>
/// <c>gatectl eval DATASET</c>: the recognition accuracy the configured models give on the installer's own labelled
/// photos, without a daemon and without enrolling anyone. Exit 0 with a report, 5 for a dataset or model problem.
/// </summary>
internal static class EvalCommand
{
    public const int DefaultResidents = 200;
    public const int DefaultPassagesPerDay = 400;

    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "A folder with one folder per person, each holding that person's photos (with --pad: live/ and one folder per attack species)" };
        var pad = new Option<bool>("--pad") { Description = "Presentation attack detection instead: APCER per species and BPCER (ISO/IEC 30107-3) at the liveness threshold" };
        var json = new Option<bool>("--json") { Description = "One JSON object instead of the table" };
        var enrol = new Option<int>("--enrol") { Description = "Photos with a face enrolled per person, the first by file name; the rest are probes", DefaultValueFactory = _ => 1 };
        var residents = new Option<int>("--residents") { Description = "Residents enrolled at the gate (N in the false-accept forecast)", DefaultValueFactory = _ => DefaultResidents };
        var passages = new Option<int>("--passages-per-day") { Description = "Face passages a day (M in the false-accept forecast)", DefaultValueFactory = _ => DefaultPassagesPerDay };
        var png = new Option<FileInfo?>("--png") { Description = "Also write the plots to this PNG: ROC and score histograms (with --pad: liveness score histograms)" };
        var config = new Option<FileInfo?>("--config") { Description = $"The daemon's configuration, for its models and threshold (default {Doctor.DoctorCommand.SystemConfigFile} when it exists)" };
        var command = new Command("eval", "Measure recognition accuracy on labelled photos (one folder per person); enrols nobody, needs no daemon")
        {
            dataset, pad, json, png, enrol, residents, passages, config,
        };
        command.SetAction((parseResult, cancellationToken) => CliSession.Guard(async () =>
        {
            if (parseResult.GetValue(enrol) < 1 || parseResult.GetValue(residents) < 1 || parseResult.GetValue(passages) < 0)
            {
                throw new CliException("--enrol and --residents must be at least 1, --passages-per-day at least 0", ExitCodes.Usage);
            }

            var isPad = parseResult.GetValue(pad);
            var data = EvalDataset.Open(parseResult.GetValue(dataset)!, isPad ? PadEvaluation.WhatFolders : "one folder per person, each holding that person's photos");
            var settings = EvalSettings.Load(parseResult.GetValue(config));
            var models = await EvalModels.FetchAsync(settings, cancellationToken).ConfigureAwait(false);
            if (isPad)
            {
                var scoring = await LivenessScoring.CreateAsync(settings, models, cancellationToken).ConfigureAwait(false);
                var padReport = await PadEvaluation.RunAsync(data, scoring, settings.LivenessThreshold, cancellationToken).ConfigureAwait(false);
                Output(parseResult.GetValue(json), () => PadReportOutput.Json(padReport), console => PadReportOutput.Write(console, padReport));
                if (parseResult.GetValue(png) is { } padPng)
                {
                    PadPlot.Write(padPng.FullName, padReport);
                }

                return ExitCodes.Success;
            }

            var options = new RecognitionReportOptions(
                parseResult.GetValue(enrol),
                parseResult.GetValue(residents),
                parseResult.GetValue(passages),
                settings.MatchThreshold,
                settings.Models.Detector,
                settings.Models.Embedder);
            var (report, scores) = await RecognitionEvaluation.RunAsync(data, PhotoAnalysis.Create(models, settings.Worker), options, cancellationToken).ConfigureAwait(false);
            Output(parseResult.GetValue(json), () => RecognitionReportJson.Of(report), console => RecognitionReportTable.Write(console, report));
            if (parseResult.GetValue(png) is { } plotPng)
            {
                RecognitionPlot.Write(plotPng.FullName, report, scores);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Output(bool json, Func<System.Text.Json.Nodes.JsonObject> toJson, Action<IAnsiConsole> toTable)
    {
        if (json)
        {
            Console.WriteLine(CliJson.Text(toJson()));
        }
        else
        {
            toTable(AnsiConsole.Console);
        }
    }
}
