using GateController.Vision.Models;

namespace GateController.Tests.Vision.Models;

/// <summary>A temp cache and mirror directory, and a fetcher that may not download: one per fetch test.</summary>
internal sealed class ModelCacheSandbox : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gate-models-").FullName;

    public ModelCacheSandbox() => Directory.CreateDirectory(Mirror);

    public string Mirror => Path.Combine(_root, "mirror");

    public string Cache => Path.Combine(_root, "cache");

    public ModelFetcher OfflineFetcher() =>
        new(new ModelOptions { CacheDirectory = Cache, MirrorDirectory = Mirror, DownloadFromSource = false });

    /// <summary>Puts the verified copy from the test run's cache into the mirror.</summary>
    public void Mirrored(string file) => File.Copy(ModelCacheSetup.PathOf(file), Path.Combine(Mirror, file));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
