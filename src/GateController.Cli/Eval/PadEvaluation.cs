using GateController.Vision.Evaluation;

namespace GateController.Cli.Eval;

/// <summary>
/// <c>gatectl eval --pad DATASET</c>'s work: <c>live/</c> holds bona fide presentations, every other folder one
/// attack species (<c>print/</c>, <c>replay/</c>, …). Each photo's largest face is scored for liveness; the report
/// gives ISO/IEC 30107-3 rates at the configured threshold and across a few others.
/// </summary>
internal static class PadEvaluation
{
    public const string BonaFideFolder = "live";

    public const string WhatFolders = "live/ (bona fide presentations) and one folder per attack species (print/, replay/, …)";

    public static async Task<PadReport> RunAsync(EvalDataset dataset, LivenessScoring scoring, float configuredThreshold, CancellationToken cancellationToken)
    {
        if (dataset.Folders.All(f => f.Name != BonaFideFolder))
        {
            throw new CliException($"dataset {dataset.Root} has no {BonaFideFolder}/ folder; --pad needs {WhatFolders}", ExitCodes.LocalInput);
        }

        if (dataset.Folders.Count < 2)
        {
            throw new CliException($"dataset {dataset.Root} has no attack species folder; --pad needs {WhatFolders}", ExitCodes.LocalInput);
        }

        var photos = dataset.Folders
            .SelectMany(f => f.Photos.Select(p => new DatasetPhoto(f.Name, $"{f.Name}/{Path.GetFileName(p)}", p)))
            .ToList();
        var answers = await scoring.ScoreAsync(photos, cancellationToken).ConfigureAwait(false);
        var folders = dataset.Folders.Select(f =>
        {
            var own = answers.Where(a => a.Photo.Folder == f.Name).ToList();
            return new PadFolder(
                f.Name,
                f.Photos.Count,
                [.. own.Where(a => a.Answer.Score is not null).Select(a => a.Answer.Score!.Value)],
                [.. own.Where(a => a.Answer.Error is null && a.Answer.Score is null).Select(a => a.Photo.Name)],
                [.. own.Where(a => a.Answer.Error is not null).Select(a => new UnreadablePhoto(a.Photo.Name, a.Answer.Error!))]);
        }).ToList();
        return PadReport.From(folders, configuredThreshold);
    }
}

/// <summary>One folder's presentations: scores of those with a face, and the photos that gave none.</summary>
internal sealed record PadFolder(string Name, int Photos, IReadOnlyList<float> Scores, IReadOnlyList<string> FacesNotFound, IReadOnlyList<UnreadablePhoto> Unreadable);

/// <summary>The PAD report: the folders, and the 30107-3 rates at the configured threshold and at a few others.</summary>
internal sealed record PadReport(IReadOnlyList<PadFolder> Folders, float ConfiguredThreshold, PresentationAttackRates AtConfigured, IReadOnlyList<PresentationAttackRates> AcrossThresholds)
{
    public static readonly float[] Thresholds = [0.1f, 0.3f, 0.5f, 0.7f, 0.9f];

    public PadFolder BonaFide => Folders.Single(f => f.Name == PadEvaluation.BonaFideFolder);

    public IEnumerable<PadFolder> Species => Folders.Where(f => f.Name != PadEvaluation.BonaFideFolder);

    public static PadReport From(IReadOnlyList<PadFolder> folders, float configured)
    {
        var bonaFide = folders.Single(f => f.Name == PadEvaluation.BonaFideFolder).Scores;
        var attacks = folders.Where(f => f.Name != PadEvaluation.BonaFideFolder).Select(f => (f.Name, f.Scores)).ToList();
        return new PadReport(
            folders,
            configured,
            PresentationAttackRates.At(configured, bonaFide, attacks),
            [.. Thresholds.Append(configured).Distinct().Order().Select(t => PresentationAttackRates.At(t, bonaFide, attacks))]);
    }
}
