using GateController.Vision.Models;

namespace GateController.Tests.Vision.Models;

/// <summary>Fetch tests: each test gets a temp cache and mirror directory and a fetcher that may not download.</summary>
public abstract class ModelCacheSandbox
{
    private string _root = "";

    protected string Mirror => Path.Combine(_root, "mirror");

    protected string Cache => Path.Combine(_root, "cache");

    [SetUp]
    public void CreateSandbox()
    {
        _root = Directory.CreateTempSubdirectory("gate-models-").FullName;
        Directory.CreateDirectory(Mirror);
    }

    [TearDown]
    public void DeleteSandbox() => Directory.Delete(_root, recursive: true);

    protected ModelFetcher OfflineFetcher() =>
        new(new ModelOptions { CacheDirectory = Cache, MirrorDirectory = Mirror, DownloadFromSource = false });

    /// <summary>Puts the verified copy from the test run's cache into the mirror.</summary>
    protected void Mirrored(string file) => File.Copy(ModelCacheSetup.PathOf(file), Path.Combine(Mirror, file));
}
