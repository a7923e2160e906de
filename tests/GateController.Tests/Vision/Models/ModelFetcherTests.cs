using GateController.Vision.Models;

namespace GateController.Tests.Vision.Models;

public sealed class ModelFetcherTests : ModelCacheSandbox
{
    private const string Model = ModelOptions.DefaultDetector;

    private static ModelEntry Entry => ModelCacheSetup.Catalog.GetModel(Model);

    [Test]
    public async Task Fetch_copies_a_verified_model_from_the_mirror_into_an_empty_cache()
    {
        File.Copy(ModelCacheSetup.PathOf(Model), Path.Combine(Mirror, Model));

        var path = await OfflineFetcher().FetchAsync(Entry);

        Assert.That(path, Is.EqualTo(Path.Combine(Cache, Model)));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(Entry.Bytes));
        Assert.That(Directory.GetFiles(Cache), Has.Length.EqualTo(1), "no temp file is left behind");
    }

    [Test]
    public void Fetch_rejects_a_mirror_copy_with_a_flipped_byte_naming_the_file_the_checksum_and_every_place()
    {
        var bytes = File.ReadAllBytes(ModelCacheSetup.PathOf(Model));
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(Mirror, Model), bytes);

        var error = Assert.ThrowsAsync<ModelFileException>(() => OfflineFetcher().FetchAsync(Entry))!;

        Assert.That(error.Message, Does.Contain(Model));
        Assert.That(error.Message, Does.Contain(Entry.Sha256));
        Assert.That(error.Message, Does.Contain($"{Entry.Bytes} bytes"));
        Assert.That(error.Message, Does.Contain("checksum mismatch"));
        Assert.That(error.Message, Does.Contain(Path.Combine(Cache, Model)));
        Assert.That(error.Message, Does.Contain(Path.Combine(Mirror, Model)));
        Assert.That(error.Message, Does.Contain(Entry.Url.AbsoluteUri));
        Assert.That(File.Exists(Path.Combine(Cache, Model)), Is.False, "a bad copy never reaches the cache");
    }

    [Test]
    public void Fetch_rejects_a_truncated_mirror_copy_as_the_wrong_size()
    {
        var bytes = File.ReadAllBytes(ModelCacheSetup.PathOf(Model));
        File.WriteAllBytes(Path.Combine(Mirror, Model), bytes[..1000]);

        var error = Assert.ThrowsAsync<ModelFileException>(() => OfflineFetcher().FetchAsync(Entry))!;

        Assert.That(error.Message, Does.Contain("found 1000 bytes"));
        Assert.That(error.Message, Does.Contain("wrong size"));
    }

    [Test]
    public void Fetch_of_a_model_in_no_mirror_says_it_was_not_present()
    {
        var error = Assert.ThrowsAsync<ModelFileException>(() => OfflineFetcher().FetchAsync(Entry))!;

        Assert.That(error.LookedAt, Has.Count.EqualTo(3));
        Assert.That(error.Message, Does.Contain("not present"));
    }

    [Test]
    public async Task Fetch_replaces_a_damaged_cache_copy_with_the_good_mirror_copy()
    {
        Directory.CreateDirectory(Cache);
        File.WriteAllBytes(Path.Combine(Cache, Model), [1, 2, 3]);
        File.Copy(ModelCacheSetup.PathOf(Model), Path.Combine(Mirror, Model));

        var path = await OfflineFetcher().FetchAsync(Entry);

        Assert.That(new FileInfo(path).Length, Is.EqualTo(Entry.Bytes));
    }
}
