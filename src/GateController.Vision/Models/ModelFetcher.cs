using GateController.Vision.Quantization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Vision.Models;

/// <summary>
/// Fills the model cache: a verified cached copy wins, then a mirror directory, then the pinned URL.
/// Every copy is checked by size and sha256 and written atomically (temp file + rename). A derived model
/// (<see cref="ModelEntry.Derivation"/>) is built from its fetched source instead, and checked the same way.
/// </summary>
public sealed class ModelFetcher
{
    private readonly ModelOptions _options;
    private readonly HttpClient? _httpClient;
    private readonly ILogger _logger;
    private ModelCatalog? _catalog;

    public ModelFetcher(ModelOptions options, HttpClient? httpClient = null, ILogger<ModelFetcher>? logger = null, ModelCatalog? catalog = null)
    {
        _options = options;
        _httpClient = httpClient;
        _logger = logger ?? NullLogger<ModelFetcher>.Instance;
        _catalog = catalog;
    }

    public string CacheDirectory => ModelLocations.CacheDirectory(_options);

    /// <summary>Returns the cache path of a verified copy of <paramref name="model"/>, fetching it if needed.</summary>
    public Task<string> FetchAsync(ModelEntry model, CancellationToken cancellationToken = default) =>
        model.Derivation is { } recipe
            ? BuildDerivedAsync(model, recipe, cancellationToken)
            : FetchAsync(model, ModelLocations.ModelMirror(_options), ModelLocations.ModelMirrorVariable, cancellationToken);

    public Task<string> FetchAsync(MediaEntry media, CancellationToken cancellationToken = default) =>
        FetchAsync(media, ModelLocations.MediaMirror(_options), ModelLocations.MediaMirrorVariable, cancellationToken);

    /// <summary>Fetches every model of the catalog (what <c>gatectl models fetch</c> and the tests run).</summary>
    public async Task<IReadOnlyList<string>> FetchAllAsync(ModelCatalog catalog, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        foreach (var model in catalog.Models)
        {
            paths.Add(await FetchAsync(model, cancellationToken).ConfigureAwait(false));
        }

        return paths;
    }

    private async Task<string> FetchAsync(IPinnedFile file, string? mirror, string mirrorVariable, CancellationToken cancellationToken)
    {
        var cacheDirectory = CacheDirectory;
        var target = Path.Combine(cacheDirectory, file.File);
        var lookedAt = new List<string>();

        var cached = await PinnedFileCheck.InspectAsync(target, file, cancellationToken).ConfigureAwait(false);
        if (cached.IsGood)
        {
            Log.CacheHit(_logger, file.File, target);
            return target;
        }

        lookedAt.Add($"cache {target} ({cached.Finding})");

        if (mirror is null)
        {
            lookedAt.Add($"mirror (none: set {mirrorVariable} or provide an ancestor shared/ directory)");
        }
        else
        {
            var source = Path.Combine(mirror, file.File);
            var found = await PinnedFileCheck.InspectAsync(source, file, cancellationToken).ConfigureAwait(false);
            if (found.IsGood)
            {
                await using var stream = File.OpenRead(source);
                await WriteAtomicallyAsync(stream, file, target, cancellationToken).ConfigureAwait(false);
                Log.CopiedFromMirror(_logger, file.File, source);
                return target;
            }

            lookedAt.Add($"mirror {source} ({found.Finding})");
            if (found.Exists)
            {
                Log.Rejected(_logger, file.File, source, found.Finding);
            }
        }

        if (!_options.DownloadFromSource || _httpClient is null)
        {
            lookedAt.Add($"{file.Url} (download disabled)");
            throw new ModelFileException(file, lookedAt, mirrorVariable);
        }

        try
        {
            using var response = await _httpClient.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var finding = await WriteAtomicallyAsync(body, file, target, cancellationToken).ConfigureAwait(false);
            if (finding is null)
            {
                Log.Downloaded(_logger, file.File, file.Url);
                return target;
            }

            lookedAt.Add($"{file.Url} ({finding})");
        }
        catch (HttpRequestException exception)
        {
            lookedAt.Add($"{file.Url} (download failed: {exception.Message})");
        }

        throw new ModelFileException(file, lookedAt, mirrorVariable);
    }

    private async Task<string> BuildDerivedAsync(ModelEntry model, QuantizationRecipe recipe, CancellationToken cancellationToken)
    {
        var target = Path.Combine(CacheDirectory, model.File);
        var cached = await PinnedFileCheck.InspectAsync(target, model, cancellationToken).ConfigureAwait(false);
        if (cached.IsGood)
        {
            Log.CacheHit(_logger, model.File, target);
            return target;
        }

        var lookedAt = new List<string> { $"cache {target} ({cached.Finding})" };
        // Read only when a derived model is not yet in the cache; most fetchers never need it.
        var source = (_catalog ??= ModelCatalog.LoadEmbedded()).GetModel(recipe.From);
        var sourcePath = await FetchAsync(source, cancellationToken).ConfigureAwait(false);
        var place = $"built from {recipe.From} with models/calibration/{recipe.Calibration}";
        try
        {
            var built = DerivedModel.Build(await File.ReadAllBytesAsync(sourcePath, cancellationToken).ConfigureAwait(false), source, recipe);
            using var stream = new MemoryStream(built, writable: false);
            var finding = await WriteAtomicallyAsync(stream, model, target, cancellationToken).ConfigureAwait(false);
            if (finding is null)
            {
                Log.Derived(_logger, model.File, recipe.From, recipe.Calibration);
                return target;
            }

            lookedAt.Add($"{place} ({finding})");
            Log.Rejected(_logger, model.File, place, finding);
        }
        catch (QuantizationException exception)
        {
            lookedAt.Add($"{place} ({exception.Message})");
        }

        throw new ModelFileException(model, lookedAt);
    }

    /// <summary>Copies into a temp file beside the target, verifies it, then renames; returns what was wrong, or null.</summary>
    private static async Task<string?> WriteAtomicallyAsync(Stream source, IPinnedFile file, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var destination = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            }

            var check = await PinnedFileCheck.InspectAsync(temp, file, cancellationToken).ConfigureAwait(false);
            if (!check.IsGood)
            {
                return check.Finding;
            }

            File.Move(temp, target, overwrite: true);
            return null;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
