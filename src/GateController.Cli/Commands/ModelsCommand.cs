using System.CommandLine;
using GateController.Vision.Models;

namespace GateController.Cli.Commands;

/// <summary>
/// Fills the model cache without a daemon: from a mirror directory first (GATE_MODELS_MIRROR, or a
/// shared/models beside the checkout), then from each model's pinned URL, refusing any checksum mismatch.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var cache = new Option<string?>("--cache") { Description = "Cache directory (default: GATE_MODELS_CACHE, then ~/.cache/gate-controller/models)" };
        var mirror = new Option<string?>("--mirror") { Description = "Mirror directory to copy from before downloading (default: GATE_MODELS_MIRROR, then ../shared/models)" };
        var offline = new Option<bool>("--offline") { Description = "Never download; use only the cache and the mirror" };
        var fetch = new Command("fetch", "Fetch and verify every model in the manifest (and the simulation's sample media)") { cache, mirror, offline };
        fetch.SetAction((parseResult, cancellationToken) => CliSession.Guard(async () =>
        {
            var options = new ModelOptions
            {
                CacheDirectory = parseResult.GetValue(cache),
                MirrorDirectory = parseResult.GetValue(mirror),
                DownloadFromSource = !parseResult.GetValue(offline),
            };
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var fetcher = new ModelFetcher(options, http);
            var catalog = ModelCatalog.LoadEmbedded();
            try
            {
                IReadOnlyList<IPinnedFile> files = [.. catalog.Models, .. catalog.Media];
                foreach (var line in await FetchWithProgressAsync(fetcher, files, cancellationToken).ConfigureAwait(false))
                {
                    Console.WriteLine(line);
                }
            }
            catch (ModelFileException exception)
            {
                throw new CliException(exception.Message, ExitCodes.LocalInput);
            }

            return ExitCodes.Success;
        }));
        var models = new Command("models", "Manage the ONNX model cache");
        models.Subcommands.Add(fetch);
        return models;
    }

    /// <summary>A progress bar on a terminal only: in a pipe or a log, the result lines alone.</summary>
    private static async Task<List<string>> FetchWithProgressAsync(ModelFetcher fetcher, IReadOnlyList<IPinnedFile> files, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        async Task FetchAll(Action<string>? advance)
        {
            foreach (var file in files)
            {
                advance?.Invoke(file.File);
                var path = file is ModelEntry model
                    ? await fetcher.FetchAsync(model, cancellationToken).ConfigureAwait(false)
                    : await fetcher.FetchAsync((MediaEntry)file, cancellationToken).ConfigureAwait(false);
                lines.Add($"{file.File}: {path} (sha256 ok)");
            }
        }

        if (!Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive)
        {
            await FetchAll(null).ConfigureAwait(false);
            return lines;
        }

        await Spectre.Console.AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("models", maxValue: files.Count);
            await FetchAll(name =>
            {
                task.Description = name;
                task.Value = lines.Count;
            }).ConfigureAwait(false);
            task.Value = files.Count;
        }).ConfigureAwait(false);
        return lines;
    }
}
