using GateController.Face;
using GateController.FaceWorker;
using GateController.Vision.Liveness;
using GateController.Vision.Models;
using Microsoft.Extensions.Options;

namespace GateController.Cli.Eval;

/// <summary>
/// Scores photos for <c>gatectl eval --pad</c> in a confined <c>gate-controller face-liveness-scores</c> process
/// (forked niced, no file writes or network, memory-capped and timed per photo like an analysis process). A photo on
/// which the process dies or hangs is counted as unreadable, named, and a fresh process takes the rest.
/// </summary>
internal sealed class LivenessScoring(LivenessScoringSettings settings, FaceWorkerOptions worker)
{
    public static async Task<LivenessScoring> CreateAsync(EvalSettings settings, EvalModels models, CancellationToken cancellationToken)
    {
        var files = models.Models!;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var fetcher = new ModelFetcher(settings.Models, http);
        var liveness = new List<LivenessModelFile>();
        try
        {
            foreach (var model in LivenessScorer.ModelsIn(ModelCatalog.LoadEmbedded()))
            {
                liveness.Add(new LivenessModelFile(model.File, await fetcher.FetchAsync(model, cancellationToken).ConfigureAwait(false)));
            }
        }
        catch (Exception exception) when (exception is ModelFileException or KeyNotFoundException or HttpRequestException or IOException)
        {
            throw new CliException($"the liveness models cannot be had: {exception.Message}; try gatectl models fetch", ExitCodes.LocalInput);
        }

        var worker = PhotoAnalysis.WithAnalysisProgram(settings.Worker);
        return new LivenessScoring(
            new LivenessScoringSettings(files.Detector.File, files.DetectorPath, liveness, files.Detection, worker.MaximumImagePixels, files.IntraOpThreads,
                string.IsNullOrWhiteSpace(worker.NativeLibraryDirectory) ? null : worker.NativeLibraryDirectory),
            worker);
    }

    /// <summary>Each photo's answer, in the order given.</summary>
    public async Task<IReadOnlyList<(DatasetPhoto Photo, LivenessScoreLine Answer)>> ScoreAsync(IReadOnlyList<DatasetPhoto> photos, CancellationToken cancellationToken)
    {
        var answers = new List<(DatasetPhoto, LivenessScoreLine)>(photos.Count);
        while (answers.Count < photos.Count)
        {
            using var process = new FaceProcessLauncher(Options.Create(worker)).Start(LivenessScoringCommand.Name);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var overMemory = false;
            var watch = Task.Run(() => FaceProcessMemoryCap.Watch(process, worker.MemoryLimitMegabytes, () => overMemory = true, stop.Token), CancellationToken.None);
            try
            {
                await process.StandardInput.WriteLineAsync(settings.ToLine().AsMemory(), cancellationToken).ConfigureAwait(false);
                while (answers.Count < photos.Count)
                {
                    var photo = photos[answers.Count];
                    await process.StandardInput.WriteLineAsync(photo.Path.AsMemory(), cancellationToken).ConfigureAwait(false);
                    await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    deadline.CancelAfter(worker.AnalysisTimeout);
                    var line = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false)
                        ?? throw new IOException(overMemory ? $"it used more than {worker.MemoryLimitMegabytes} MB" : "it ended");
                    answers.Add((photo, LivenessScoreLine.Parse(line)));
                }

                process.StandardInput.Close();
            }
            catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                FaceProcessMemoryCap.KillQuietly(process);
                if (answers.Count == 0 && exception is IOException && !overMemory)
                {
                    throw new CliException($"the liveness scoring process failed before the first photo ({photos[0].Name}): {exception.Message}; see its messages above", ExitCodes.Refused);
                }

                var why = exception is OperationCanceledException ? $"no answer within {worker.AnalysisTimeout.TotalSeconds:0} s" : exception.Message;
                answers.Add((photos[answers.Count], new LivenessScoreLine(0, null, $"the liveness scoring process failed on it: {why}")));
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await watch.ConfigureAwait(false);
                FaceProcessMemoryCap.KillQuietly(process);
            }
        }

        return answers;
    }
}
