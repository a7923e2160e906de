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
        var dataset = new Argument<string>("DATASET") { Description = "A folder with one folder per person, each holding that person's photos" };
        var json = new Option<bool>("--json") { Description = "One JSON object instead of the table" };
        var enrol = new Option<int>("--enrol") { Description = "Photos with a face enrolled per person, the first by file name; the rest are probes", DefaultValueFactory = _ => 1 };
        var residents = new Option<int>("--residents") { Description = "Residents enrolled at the gate (N in the false-accept forecast)", DefaultValueFactory = _ => DefaultResidents };
        var passages = new Option<int>("--passages-per-day") { Description = "Face passages a day (M in the false-accept forecast)", DefaultValueFactory = _ => DefaultPassagesPerDay };
        var config = new Option<FileInfo?>("--config") { Description = $"The daemon's configuration, for its models and threshold (default {Doctor.DoctorCommand.SystemConfigFile} when it exists)" };
        var command = new Command("eval", "Measure recognition accuracy on labelled photos (one folder per person); enrols nobody, needs no daemon")
        {
            dataset, json, enrol, residents, passages, config,
        };
        command.SetAction((parseResult, cancellationToken) => CliSession.Guard(async () =>
        {
            if (parseResult.GetValue(enrol) < 1 || parseResult.GetValue(residents) < 1 || parseResult.GetValue(passages) < 0)
            {
                throw new CliException("--enrol and --residents must be at least 1, --passages-per-day at least 0", ExitCodes.Usage);
            }

            var data = EvalDataset.Open(parseResult.GetValue(dataset)!, "one folder per person, each holding that person's photos");
            var settings = EvalSettings.Load(parseResult.GetValue(config));
            var models = await EvalModels.FetchAsync(settings, cancellationToken).ConfigureAwait(false);
            var options = new RecognitionReportOptions(
                parseResult.GetValue(enrol),
                parseResult.GetValue(residents),
                parseResult.GetValue(passages),
                settings.MatchThreshold,
                settings.Models.Detector,
                settings.Models.Embedder);
            var (report, _) = await RecognitionEvaluation.RunAsync(data, PhotoAnalysis.Create(models, settings.Worker), options, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliJson.Text(RecognitionReportJson.Of(report)));
            }
            else
            {
                RecognitionReportTable.Write(AnsiConsole.Console, report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
