using System.Text.Json.Nodes;
using GateController.Tests.Daemon;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

/// <summary>
/// <c>gatectl reset</c> as a technician runs it (a real process on a real store in a temp dir): a signed receipt of
/// what goes, verifiable offline after the device's key is gone, then the key, the store, the cache and the
/// configuration (unless kept) erased. Without a receipt nothing is erased.
/// </summary>
public sealed class FactoryResetTests
{
    private StoreSandbox _sandbox = null!;
    private string _root = "";

    [SetUp]
    public void CreateGate()
    {
        _sandbox = new StoreSandbox();
        using (var store = _sandbox.Open())
        {
            store.AddPerson("A-1", "Unmistakable Name");
            store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(_sandbox.Time.GetUtcNow()));
            store.AddPerson("B-2", "Second Resident");
        }

        _root = Directory.CreateTempSubdirectory("gate-reset-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "etc"));
        Directory.CreateDirectory(Path.Combine(_root, "cache", "models"));
        File.WriteAllText(Path.Combine(_root, "etc", "config.json"), "{ \"Relay\": { \"Pin\": 27 } }");
        File.WriteAllText(Path.Combine(_root, "factory.json"), "// factory\n{}");
        File.WriteAllText(Path.Combine(_root, "cache", "models", "model.onnx"), "model");
    }

    [TearDown]
    public void RemoveGate()
    {
        _sandbox.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task A_reset_signs_a_receipt_that_verifies_offline_then_erases_key_store_cache_and_config()
    {
        var reset = await Reset("--yes");

        Assert.That(reset.ExitCode, Is.Zero, reset.ToString());
        Assert.That(File.Exists(_sandbox.KeyFile) || File.Exists(_sandbox.DatabaseFile), Is.False, "key and store are gone");
        Assert.That(Directory.EnumerateFileSystemEntries(_sandbox.DataDirectory), Is.Empty);
        Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "cache")), Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(_root, "etc", "config.json")), Does.StartWith("// factory"));
        var receipt = Directory.GetFiles(Path.Combine(_root, "receipts"), "factory-reset-*.json").Single();
        var verified = await DotnetProcess.RunAsync("gatectl", ["receipt", "verify", receipt, "--public-key", receipt.Replace(".json", ".device-key.pem", StringComparison.Ordinal)]);
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        var body = JsonNode.Parse(File.ReadAllText(receipt))!["receipt"]!;
        Assert.That((body["action"]!.GetValue<string>(), body["personId"]!.GetValue<string>()), Is.EqualTo(("factory-reset", "*")));
        Assert.That((body["deleted"]!["persons"]!.GetValue<long>(), body["deleted"]!["face_templates"]!.GetValue<long>(), body["deleted"]!["masterKey"]!.GetValue<long>()), Is.EqualTo((2L, 1L, 1L)));
        Assert.That(File.ReadAllText(receipt), Does.Not.Contain("Unmistakable").And.Not.Contain("A-1"));
        Assert.That(reset.StandardOutput, Does.Contain(receipt), "the technician is told where the receipt is");
    }

    [Test]
    public async Task Keep_config_keeps_the_configuration()
    {
        var reset = await Reset("--yes", "--keep-config");

        Assert.That(reset.ExitCode, Is.Zero, reset.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_root, "etc", "config.json")), Does.Contain("27"));
        Assert.That(File.Exists(_sandbox.DatabaseFile), Is.False);
    }

    [Test]
    public async Task Without_yes_nothing_is_erased()
    {
        var reset = await Reset();

        Assert.That(reset.ExitCode, Is.EqualTo(2), reset.ToString());
        Assert.That(reset.StandardError, Does.Contain("--yes"));
        Assert.That(File.Exists(_sandbox.KeyFile) && File.Exists(_sandbox.DatabaseFile), Is.True);
    }

    [Test]
    public async Task Receipt_only_signs_and_erases_nothing()
    {
        var reset = await Reset("--yes", "--receipt-only");

        Assert.That(reset.ExitCode, Is.Zero, reset.ToString());
        Assert.That(Directory.GetFiles(Path.Combine(_root, "receipts"), "factory-reset-*.json"), Has.Length.EqualTo(1));
        using var store = _sandbox.Open();
        Assert.That(store.TryFindPerson("A-1", out _), Is.True);
        Assert.That(store.VerifyAudit().IsValid, Is.True, "the reset's audit row chains like any other");
    }

    [Test]
    public async Task A_key_that_does_not_open_the_store_erases_nothing()
    {
        var wrongKey = Path.Combine(_root, "wrong.key");
        File.WriteAllBytes(wrongKey, new byte[32]);
        File.SetUnixFileMode(wrongKey, StoreSandbox.OwnerOnly);

        var reset = await Reset("--yes", "--key-file", wrongKey);

        Assert.That(reset.ExitCode, Is.EqualTo(1), reset.ToString());
        Assert.That(reset.StandardError, Does.Contain("nothing was erased"));
        Assert.That(File.Exists(_sandbox.KeyFile) && File.Exists(_sandbox.DatabaseFile), Is.True);
    }

    private Task<ProcessResult> Reset(params string[] extra)
    {
        var keyGiven = extra.Contains("--key-file");
        string[] arguments =
        [
            "--socket", Path.Combine(_root, "none.sock"), "reset", .. extra,
            "--data-dir", _sandbox.DataDirectory,
            .. keyGiven ? Array.Empty<string>() : ["--key-file", _sandbox.KeyFile],
            "--credential", Path.Combine(_root, "etc", "master-key.cred"),
            "--config-dir", Path.Combine(_root, "etc"),
            "--cache-dir", Path.Combine(_root, "cache"),
            "--receipt-dir", Path.Combine(_root, "receipts"),
            "--factory-config", Path.Combine(_root, "factory.json"),
        ];
        return DotnetProcess.RunAsync("gatectl", arguments);
    }
}
