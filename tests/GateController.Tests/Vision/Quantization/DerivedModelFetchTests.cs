using GateController.Tests.Vision.Models;
using GateController.Vision.Models;

namespace GateController.Tests.Vision.Quantization;

/// <summary>The int8 embedder is never downloaded: the fetcher builds it from the verified fp32 file and checks its sha256.</summary>
public sealed class DerivedModelFetchTests : ModelCacheSandbox
{
    private const string Derived = ModelOptions.Int8Embedder;
    private const string Source = ModelOptions.Fp32Embedder;

    private static ModelEntry Entry => ModelCacheSetup.Catalog.GetModel(Derived);

    [Test]
    public async Task Fetch_builds_the_int8_embedder_from_the_mirrored_fp32_model_with_the_manifest_checksum()
    {
        Mirrored(Source);

        var path = await OfflineFetcher().FetchAsync(Entry);

        Assert.That(path, Is.EqualTo(Path.Combine(Cache, Derived)));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(ModelCacheSetup.PathOf(Derived))), "the build is deterministic");
        Assert.That(File.Exists(Path.Combine(Cache, Source)), Is.True, "the fp32 source was fetched and verified first");
        Assert.That(Directory.GetFiles(Cache), Has.Length.EqualTo(2), "no temp file is left behind");
    }

    [Test]
    public async Task Fetch_rebuilds_a_damaged_cached_int8_model()
    {
        Mirrored(Source);
        Directory.CreateDirectory(Cache);
        var damaged = File.ReadAllBytes(ModelCacheSetup.PathOf(Derived));
        damaged[damaged.Length / 3] ^= 0x40;
        File.WriteAllBytes(Path.Combine(Cache, Derived), damaged);

        var path = await OfflineFetcher().FetchAsync(Entry);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(ModelCacheSetup.PathOf(Derived))));
    }

    [Test]
    public void Fetch_without_the_fp32_source_names_the_source_and_where_it_looked()
    {
        var error = Assert.ThrowsAsync<ModelFileException>(() => OfflineFetcher().FetchAsync(Entry))!;

        Assert.That(error.FileName, Is.EqualTo(Source), "the missing file is the fp32 source the int8 model is built from");
        Assert.That(error.Message, Does.Contain(Path.Combine(Mirror, Source)));
        Assert.That(File.Exists(Path.Combine(Cache, Derived)), Is.False);
    }

    [Test]
    public void Fetch_refuses_a_build_whose_checksum_differs_from_the_manifest()
    {
        Mirrored(Source);
        var wrong = Entry with { Sha256 = new string('0', 64) };

        var error = Assert.ThrowsAsync<ModelFileException>(() => OfflineFetcher().FetchAsync(wrong))!;

        Assert.That(error.FileName, Is.EqualTo(Derived));
        Assert.That(error.Message, Does.Contain($"built from {Source} with models/calibration/"));
        Assert.That(error.Message, Does.Contain("checksum mismatch"));
        Assert.That(File.Exists(Path.Combine(Cache, Derived)), Is.False, "a wrong build never reaches the cache");
    }
}
