using GateController.Face;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GateController.Cli.Eval;

/// <summary>
/// Analyses an evaluation's photos in the daemon's own confined <c>gate-controller face-analysis</c> processes
/// (sandboxed, no file writes, memory-capped, as for an enrolment upload), a batch per process. Only the deciding
/// face's embedding comes back, into this process's memory; nothing is enrolled, stored or written. A photo on which
/// a process dies is counted as unreadable, named, and the batch goes on in a fresh process.
/// </summary>
internal sealed class PhotoAnalysis(FaceAnalysisClient client)
{
    /// <summary>Photos per process: one model load per batch, and a batch well inside the analysis timeout on a Pi.</summary>
    private const int BatchPhotos = 32;

    private const long BatchBytes = 32L * 1024 * 1024;

    public static PhotoAnalysis Create(EvalModels models, FaceWorkerOptions worker)
    {
        var options = Options.Create(WithAnalysisProgram(worker));
        return new PhotoAnalysis(new FaceAnalysisClient(models, new FaceProcessLauncher(options), options, NullLogger<FaceAnalysisClient>.Instance));
    }

    /// <summary>Each photo's outcome, in the order given.</summary>
    public async Task<IReadOnlyList<PhotoOutcome>> AnalyzeAsync(IReadOnlyList<DatasetPhoto> photos, CancellationToken cancellationToken)
    {
        var outcomes = new List<PhotoOutcome>(photos.Count);
        var batch = new List<(DatasetPhoto Photo, UploadedImage Image)>();
        long bytes = 0;
        foreach (var photo in photos)
        {
            if (PhotoBytes.Read(photo.Path, out var problem) is not { } content)
            {
                await FlushAsync().ConfigureAwait(false);
                outcomes.Add(new PhotoOutcome(photo, null, problem));
                continue;
            }

            batch.Add((photo, new UploadedImage(photo.Name, content)));
            bytes += content.Length;
            if (batch.Count >= BatchPhotos || bytes >= BatchBytes)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        return outcomes;

        async Task FlushAsync()
        {
            while (batch.Count > 0)
            {
                var result = await client.AnalyzeAsync([.. batch.Select(b => b.Image)], cancellationToken).ConfigureAwait(false);
                if (result.IsUnavailable || (!result.Complete && result.FailedOn is null))
                {
                    throw new CliException(result.Problem ?? "the face analysis process failed", ExitCodes.Refused);
                }

                foreach (var (image, index) in result.Images.Select((image, index) => (image, index)))
                {
                    outcomes.Add(new PhotoOutcome(batch[index].Photo, image.Reply?.Embedding, image.Refusal));
                }

                var done = result.Images.Count;
                if (!result.Complete)
                {
                    outcomes.Add(new PhotoOutcome(batch[done].Photo, null, result.Problem ?? "the face analysis process failed on it"));
                    done++;
                }

                batch.RemoveRange(0, done);
            }

            bytes = 0;
        }
    }

    /// <summary>
    /// The daemon's program beside this one (the installed layout, /usr/lib/gate-controller), or, run as
    /// <c>dotnet gatectl.dll</c>, <c>dotnet gate-controller.dll</c> from the same folder (the launcher's own fallback).
    /// </summary>
    internal static FaceWorkerOptions WithAnalysisProgram(FaceWorkerOptions worker)
    {
        if (!string.IsNullOrWhiteSpace(worker.Executable) ||
            string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
        {
            return worker;
        }

        var program = Path.Combine(AppContext.BaseDirectory, "gate-controller");
        if (!File.Exists(program))
        {
            throw new CliException($"{program} does not exist: gatectl eval runs the daemon's analysis process, installed beside gatectl (or set Face:Worker:Executable)", ExitCodes.LocalInput);
        }

        worker.Executable = program;
        return worker;
    }
}

/// <summary>A photo of the dataset: its folder (person or presentation class), a name for messages, its path.</summary>
internal sealed record DatasetPhoto(string Folder, string Name, string Path);

/// <summary>What the analysis made of one photo: the deciding face's embedding, none (no face), or why it could not be read.</summary>
internal sealed record PhotoOutcome(DatasetPhoto Photo, float[]? Embedding, string? Unreadable);
