using GateController.Tests.Vision;
using GateController.Vision.Models;

namespace GateController.Tests;

/// <summary>
/// The test run's fetch step: fills the model cache (mirror ../shared/models first, then the pinned URLs)
/// before any test runs, and closes the shared ONNX sessions at the end.
/// </summary>
[SetUpFixture]
public sealed class ModelCacheSetup
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal);

    public static ModelCatalog Catalog { get; } = ModelCatalog.LoadEmbedded();

    /// <summary>The verified cache path of a model or media file fetched by this setup.</summary>
    public static string PathOf(string file) =>
        Paths.TryGetValue(file, out var path) ? path : throw new InvalidOperationException($"{file} was not fetched by ModelCacheSetup.");

    [OneTimeSetUp]
    public async Task FetchModelsAndMedia()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var fetcher = new ModelFetcher(new ModelOptions(), http);
        foreach (var model in Catalog.Models)
        {
            Paths[model.File] = await fetcher.FetchAsync(model);
        }

        foreach (var media in Catalog.Media)
        {
            Paths[media.File] = await fetcher.FetchAsync(media);
        }
    }

    [OneTimeTearDown]
    public void CloseSharedSessions() => SharedVision.DisposeAll();
}
