using GateController.Vision.Evaluation;

namespace GateController.Cli.Eval;

/// <summary>
/// <c>gatectl eval DATASET</c>'s work: analyse every photo, split each person's photos with a face into enrolment
/// (the first <c>--enrol</c> in name order) and probes (the rest), compare every probe with everyone enrolled, and
/// keep only the scores. The embeddings are cleared before the report is made.
/// </summary>
internal static class RecognitionEvaluation
{
    public static async Task<(RecognitionReport Report, RecognitionScores Scores)> RunAsync(
        EvalDataset dataset, PhotoAnalysis analysis, RecognitionReportOptions options, CancellationToken cancellationToken)
    {
        var photos = dataset.Folders
            .SelectMany(f => f.Photos.Select(p => new DatasetPhoto(f.Name, $"{f.Name}/{Path.GetFileName(p)}", p)))
            .ToList();
        var outcomes = await analysis.AnalyzeAsync(photos, cancellationToken).ConfigureAwait(false);
        var persons = dataset.Folders.Select(folder =>
        {
            var faces = outcomes.Where(o => o.Photo.Folder == folder.Name && o.Embedding is not null).Select(o => o.Embedding!).ToList();
            return new PersonEmbeddings(folder.Name, faces.Take(options.EnrolmentPhotos).ToList(), faces.Skip(options.EnrolmentPhotos).ToList());
        }).ToList();
        try
        {
            var scores = RecognitionScores.Compare(persons);
            var counts = new DatasetCounts(
                dataset.Folders.Count,
                persons.Count(p => p.Enrolment.Count > 0),
                photos.Count,
                persons.Sum(p => p.Enrolment.Count),
                persons.Sum(p => p.Probes.Count),
                [.. outcomes.Where(o => o.Unreadable is null && o.Embedding is null).Select(o => o.Photo.Name)],
                [.. outcomes.Where(o => o.Unreadable is not null).Select(o => new UnreadablePhoto(o.Photo.Name, o.Unreadable!))],
                [.. dataset.Folders.Where(f => f.Photos.Count == 0).Select(f => f.Name)]);
            return (RecognitionReport.From(counts, scores, options), scores);
        }
        finally
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Embedding is { } embedding)
                {
                    Array.Clear(embedding);
                }
            }
        }
    }
}

/// <summary>How many persons and photos went in, and which photos gave nothing (names only).</summary>
internal sealed record DatasetCounts(
    int Persons,
    int EnrolledPersons,
    int Photos,
    int EnrolmentPhotos,
    int ProbePhotos,
    IReadOnlyList<string> FacesNotFound,
    IReadOnlyList<UnreadablePhoto> Unreadable,
    IReadOnlyList<string> EmptyFolders);

internal sealed record UnreadablePhoto(string Name, string Problem);
