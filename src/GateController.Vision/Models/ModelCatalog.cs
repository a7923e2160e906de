using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GateController.Vision.Models;

/// <summary>The models and sample media this build was made for, read from the manifests embedded in the assembly.</summary>
public sealed class ModelCatalog
{
    private const string ModelResource = "GateController.models.manifest.json";
    private const string MediaResource = "GateController.models.media.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public ModelCatalog(IReadOnlyList<ModelEntry> models, IReadOnlyList<MediaEntry> media)
    {
        Models = models;
        Media = media;
    }

    public IReadOnlyList<ModelEntry> Models { get; }

    public IReadOnlyList<MediaEntry> Media { get; }

    /// <summary>The catalog embedded in this assembly (models/manifest.json and models/media.json).</summary>
    public static ModelCatalog LoadEmbedded()
    {
        var assembly = typeof(ModelCatalog).Assembly;
        var models = Read<ModelManifestDocument>(assembly, ModelResource)?.Models ?? [];
        var media = Read<MediaManifestDocument>(assembly, MediaResource)?.Media ?? [];
        return new ModelCatalog(models, media);
    }

    public ModelEntry GetModel(string file) =>
        Models.FirstOrDefault(m => string.Equals(m.File, file, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException(
            $"Model '{file}' is not in models/manifest.json; known models: {string.Join(", ", Models.Select(m => m.File))}.");

    public MediaEntry GetMedia(string file) =>
        Media.FirstOrDefault(m => string.Equals(m.File, file, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException(
            $"Media '{file}' is not in models/media.json; known media: {string.Join(", ", Media.Select(m => m.File))}.");

    private static T? Read<T>(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource);
        return stream is null ? default : JsonSerializer.Deserialize<T>(stream, JsonOptions);
    }

    private sealed record ModelManifestDocument(IReadOnlyList<ModelEntry>? Models);

    private sealed record MediaManifestDocument(IReadOnlyList<MediaEntry>? Media);
}
