using System.Security.Cryptography;
using GateController.Storage.Backup;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using GateController.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Privacy;

public sealed class BackupRestoreTests
{
    [Test]
    public void A_backup_restores_the_store_with_the_same_master_key()
    {
        using var sandbox = new StoreSandbox();
        var backup = Path.Combine(sandbox.DataDirectory, "manual.gatebak");
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Backed Up Person");
            store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
            using (var file = File.Create(backup))
            {
                store.WriteBackup(file);
            }

            store.AddPerson("B-2", "Added After Backup");
        }

        var result = Restore(sandbox, backup);

        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out var person) && person.Name == "Backed Up Person", Is.True);
        Assert.That(restored.TryFindPerson("B-2", out _), Is.False);
        Assert.That(restored.LoadFaceTemplates(StoreSandbox.ModelId).Templates, Has.Count.EqualTo(1));
        Assert.That(restored.VerifyAudit().IsValid, Is.True);
        Assert.That(result.ReplacedFilesFolder, Is.Not.Null.And.Contains("replaced-"));
    }

    [Test]
    public void A_backup_contains_no_plaintext_name_or_template_bytes()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        var embedding = StoreSandbox.Embedding(7);
        store.AddPerson("A-1", "Unmistakable Name");
        store.AddFaceTemplates("A-1", [embedding], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        using var memory = new MemoryStream();

        store.WriteBackup(memory);

        var bytes = memory.ToArray();
        Assert.That(bytes.AsSpan().IndexOf("Unmistakable Name"u8), Is.EqualTo(-1));
        Assert.That(bytes.AsSpan().IndexOf("A-1"u8), Is.EqualTo(-1), "the whole file is sealed, ids and events too");
        Assert.That(bytes.AsSpan().IndexOf(StoreSandbox.Bytes(embedding).AsSpan(0, 16)), Is.EqualTo(-1));
    }

    [Test]
    public void Restore_with_another_master_key_is_refused_and_changes_nothing()
    {
        using var sandbox = new StoreSandbox();
        var backup = BackupOfOnePerson(sandbox);

        var before = File.ReadAllBytes(sandbox.DatabaseFile);
        using var other = new StoreSandbox();
        File.Copy(backup, Path.Combine(other.DataDirectory, "foreign.gatebak"));

        Assert.That(() => Restore(other, Path.Combine(other.DataDirectory, "foreign.gatebak")),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("not sealed under this device's master key"));
        Assert.That(File.Exists(other.DatabaseFile), Is.False);
        Assert.That(File.ReadAllBytes(sandbox.DatabaseFile), Is.EqualTo(before));
    }

    [Test]
    public void A_truncated_or_altered_backup_is_refused_with_the_reason()
    {
        using var sandbox = new StoreSandbox();
        var backup = BackupOfOnePerson(sandbox);

        var bytes = File.ReadAllBytes(backup);
        File.WriteAllBytes(backup, bytes[..^20]);
        Assert.That(() => Restore(sandbox, backup), Throws.TypeOf<InvalidDataException>().With.Message.Contains("truncated"));
        bytes[^40] ^= 0x01;
        File.WriteAllBytes(backup, bytes);
        Assert.That(() => Restore(sandbox, backup), Throws.TypeOf<InvalidDataException>().With.Message.Contains("fails authentication"));
    }

    [Test]
    public void Restore_with_no_file_takes_the_newest_good_automatic_backup_and_skips_a_damaged_one()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "First");
            store.CreateAutomaticBackup("daily");
            sandbox.Time.Advance(TimeSpan.FromDays(1));
            store.AddPerson("B-2", "Second");
            var newest = store.CreateAutomaticBackup("daily");
            var bytes = File.ReadAllBytes(newest.Destination);
            bytes[^30] ^= 0xFF;
            File.WriteAllBytes(newest.Destination, bytes);
        }

        var result = Restore(sandbox, null);

        Assert.That(result.Skipped, Has.Count.EqualTo(1));
        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out _), Is.True);
        Assert.That(restored.TryFindPerson("B-2", out _), Is.False);
    }

    [Test]
    public void Automatic_backups_keep_only_the_newest_N()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        for (var day = 0; day < 5; day++)
        {
            store.CreateAutomaticBackup("daily", keep: 3);
            sandbox.Time.Advance(TimeSpan.FromDays(1));
        }

        var files = store.AutomaticBackupFiles();
        Assert.That(files, Has.Count.EqualTo(3));
        Assert.That(files.All(f => File.GetUnixFileMode(f) == StoreSandbox.OwnerOnly), Is.True);
    }

    [Test]
    public void A_restore_never_brings_back_a_person_erased_after_the_backup()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Erased Later");
            store.AddPerson("B-2", "Withdrew Face Later");
            store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
            store.AddPerson("C-3", "Kept");
            store.CreateAutomaticBackup("daily");
            sandbox.Time.Advance(TimeSpan.FromMinutes(5));
            store.DeletePersonWithReceipt("A-1");
            store.WithdrawFaceWithReceipt("B-2");
        }

        var result = Restore(sandbox, null);

        Assert.That(result.ErasuresReplayed, Has.Count.EqualTo(2));
        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out _), Is.False);
        Assert.That(restored.TryFindPerson("B-2", out var withdrew) && withdrew.FaceTemplateCount == 0, Is.True);
        Assert.That(restored.TryFindPerson("C-3", out _), Is.True);
    }

    [Test]
    public void An_old_erasure_is_not_replayed_onto_a_new_resident_who_reuses_the_id()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Moved Out");
            store.DeletePersonWithReceipt("A-1");
            sandbox.Time.Advance(TimeSpan.FromDays(3));
            store.AddPerson("A-1", "Moved In");
            store.CreateAutomaticBackup("daily");
        }

        Restore(sandbox, null);

        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out var person) && person.Name == "Moved In", Is.True);
    }

    private static RestoreResult Restore(StoreSandbox sandbox, string? backup) =>
        StoreRestore.Restore(sandbox.Options, new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false), backup, sandbox.Time, NullLogger<GateStore>.Instance);

    /// <summary>A manual backup of a store holding one person, in the sandbox's data directory.</summary>
    private static string BackupOfOnePerson(StoreSandbox sandbox)
    {
        var backup = Path.Combine(sandbox.DataDirectory, "manual.gatebak");
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Person");
        using var file = File.Create(backup);
        store.WriteBackup(file);
        return backup;
    }
}
