using GateController.Storage.Backup;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using GateController.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GateController.Tests.Privacy;

/// <summary>
/// Damaged files: the store names the file and what is wrong, never grants on a damaged record, and the
/// last good automatic backup brings it back.
/// </summary>
public sealed class CorruptionTests
{
    [Test]
    public void A_flipped_byte_in_the_database_header_is_reported_with_the_file_and_restore_brings_back_the_last_backup()
    {
        using var sandbox = new StoreSandbox();
        CreateStoreWithBackup(sandbox);
        Corrupt(sandbox.DatabaseFile, offset: 0);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreIntegrityException>()
            .With.Message.Contains($"'{sandbox.DatabaseFile}' cannot be opened").And.Message.Contains("gatectl restore"));

        Restore(sandbox);
        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out _), Is.True);
    }

    [Test]
    public void A_truncated_database_is_reported_as_damaged()
    {
        using var sandbox = new StoreSandbox();
        CreateStoreWithBackup(sandbox);
        using (var file = new FileStream(sandbox.DatabaseFile, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreIntegrityException>().With.Message.Contains(sandbox.DatabaseFile));

        Restore(sandbox);
        using var restored = sandbox.Open();
        Assert.That(restored.VerifyAudit().IsValid, Is.True);
    }

    [Test]
    public void A_flipped_byte_in_a_sealed_template_is_reported_and_the_template_never_loads()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Damaged");
            store.AddPerson("B-2", "Intact");
            store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
            store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        }

        var sealedTemplate = sandbox.ReadBlobs("SELECT template_sealed FROM face_templates WHERE person_id = 'A-1'").Single();
        sealedTemplate[20] ^= 0x01;
        using (var connection = sandbox.OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE face_templates SET template_sealed = $blob WHERE person_id = 'A-1'";
            command.Parameters.AddWithValue("$blob", sealedTemplate);
            command.ExecuteNonQuery();
        }

        using var reopened = sandbox.Open();
        var load = reopened.LoadFaceTemplates(StoreSandbox.ModelId);
        Assert.That(load.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "B-2" }), "only intact templates can ever match");
        Assert.That(load.Damaged.Single().Message, Does.Contain("person 'A-1' fails authentication"));
    }

    [Test]
    public void A_flipped_byte_in_the_WAL_under_committed_transactions_is_reported_instead_of_silently_dropping_them()
    {
        using var sandbox = new StoreSandbox();
        CreateStoreWithBackup(sandbox);
        // Keep the WAL: write through a raw connection that never checkpoints, then leave it in place.
        var wal = sandbox.DatabaseFile + "-wal";
        using (var store = sandbox.Open())
        {
            store.Dispose();
        }

        using (var raw = sandbox.OpenRaw())
        {
            using var noCheckpoint = raw.CreateCommand();
            noCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
            noCheckpoint.ExecuteNonQuery();
            for (var i = 0; i < 3; i++)
            {
                using var insert = raw.CreateCommand();
                insert.CommandText = $"INSERT INTO access_events (sequence, time, method, reader, person_id, result, reason, latency_us) VALUES ({i}, '2026-03-01T08:00:00.0000000+00:00', 'Card', 'r', NULL, 'Denied', 'x', 1)";
                insert.ExecuteNonQuery();
            }

            // Copy the WAL while the connection is open (closing the last connection checkpoints and deletes it).
            File.Copy(wal, wal + ".kept");
        }

        File.Move(wal + ".kept", wal, overwrite: true);
        Corrupt(wal, offset: 32 + 24 + 100);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreIntegrityException>()
            .With.Message.Contains($"write-ahead log '{wal}' is damaged at frame 1").And.Message.Contains("committed transaction"));

        Restore(sandbox);
        using var restored = sandbox.Open();
        Assert.That(restored.TryFindPerson("A-1", out _), Is.True);
    }

    [Test]
    public void A_WAL_with_a_damaged_header_is_reported()
    {
        using var sandbox = new StoreSandbox();
        CreateStoreWithBackup(sandbox);
        var wal = sandbox.DatabaseFile + "-wal";
        File.WriteAllBytes(wal, new byte[32 + 24 + 4096]);
        File.SetUnixFileMode(wal, StoreSandbox.OwnerOnly);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreIntegrityException>().With.Message.Contains($"'{wal}' has a damaged header"));
    }

    private static void CreateStoreWithBackup(StoreSandbox sandbox)
    {
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Backed Up");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        store.CreateAutomaticBackup("daily");
    }

    private static void Corrupt(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(value ^ 0xFF));
    }

    private static void Restore(StoreSandbox sandbox) =>
        StoreRestore.Restore(sandbox.Options, new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false), null, sandbox.Time, NullLogger<GateStore>.Instance);
}
