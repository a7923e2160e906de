using System.Text;

namespace GateController.Tests.Storage;

/// <summary>
/// The bar from the erasure issue: after a delete, no byte sequence of the person's ciphertext or
/// wrapped keys remains anywhere in the data directory, and no plaintext is ever written.
/// </summary>
public sealed class ErasureTests
{
    private const int Window = 16;

    [Test]
    public void After_DeletePerson_no_ciphertext_or_wrapped_key_of_that_person_remains_in_any_file()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddPerson("A-1", "Erased Person");
        store.AddPerson("B-2", "Kept Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2), StoreSandbox.Embedding(3)], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(4)], StoreSandbox.ModelId, consent);
        var secrets = SealedBytesOf(sandbox, "A-1");
        var kept = SealedBytesOf(sandbox, "B-2");
        Assert.That(secrets, Has.Count.EqualTo(2 + 1 + 1 + 3), "2 keys, name, consent, 3 templates");
        Assert.That(secrets.All(s => sandbox.FileContaining(s[..Window]) is not null), Is.True, "the scan finds them before deletion");

        var erasure = store.DeletePerson("A-1");

        Assert.That(erasure.Value, Is.Not.Null);
        Assert.That((erasure.Value!.DataKeysDestroyed, erasure.Value.FaceTemplatesDeleted, erasure.Value.FaceConsentsDeleted), Is.EqualTo((2, 3, 1)));
        Assert.That(erasure.Value.Checkpointed, Is.True);
        AssertNoWindowRemains(sandbox, secrets);
        Assert.That(kept.All(s => sandbox.FileContaining(s) is not null), Is.True, "the other person's records are untouched");
        Assert.That(store.TryFindPerson("A-1", out _), Is.False);
        Assert.That(store.LoadFaceTemplates(StoreSandbox.ModelId).Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "B-2" }));
        Assert.That(store.VerifyAudit().IsValid, Is.True);

        store.Dispose();
        AssertNoWindowRemains(sandbox, secrets);
    }

    [Test]
    public void After_WithdrawFace_no_face_ciphertext_or_face_key_remains_in_any_file()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Withdrawing Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        var faceSecrets = sandbox.ReadBlobs("""
            SELECT wrapped_key FROM person_keys WHERE person_id = 'A-1' AND purpose = 2
            UNION ALL SELECT template_sealed FROM face_templates WHERE person_id = 'A-1'
            UNION ALL SELECT details_sealed FROM face_consents WHERE person_id = 'A-1'
            """);

        store.WithdrawFace("A-1");

        AssertNoWindowRemains(sandbox, faceSecrets);
        Assert.That(store.TryFindPerson("A-1", out var person) && person.Name == "Withdrawing Person", Is.True);
    }

    [Test]
    public void Store_files_never_contain_plaintext_names_consent_text_or_embedding_bytes()
    {
        using var sandbox = new StoreSandbox();
        string[] names = ["Zhang Wei Plaintext", "王芳明文姓名"];
        var embeddings = new[] { StoreSandbox.Embedding(11), StoreSandbox.Embedding(12) };
        using (var store = sandbox.Open())
        {
            var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
            store.AddPerson("A-1", names[0]);
            store.AddPerson("B-2", names[1]);
            store.AddFaceTemplates("A-1", [embeddings[0]], StoreSandbox.ModelId, consent);
            store.AddFaceTemplates("B-2", [embeddings[1]], StoreSandbox.ModelId, consent);
            AssertAbsent(sandbox, names, embeddings, consent.Method);
        }

        AssertAbsent(sandbox, names, embeddings, "paper form 2026-118");
    }

    private static void AssertAbsent(StoreSandbox sandbox, string[] names, float[][] embeddings, string consentText)
    {
        foreach (var name in names.Append(consentText))
        {
            Assert.That(sandbox.FileContaining(Encoding.UTF8.GetBytes(name)), Is.Null, $"plaintext '{name}' found");
        }

        foreach (var embedding in embeddings)
        {
            var bytes = StoreSandbox.Bytes(embedding);
            for (var offset = 0; offset + Window <= bytes.Length; offset += Window)
            {
                Assert.That(sandbox.FileContaining(bytes[offset..(offset + Window)]), Is.Null, $"embedding bytes at {offset} found");
            }
        }
    }

    private static void AssertNoWindowRemains(StoreSandbox sandbox, List<byte[]> secrets)
    {
        var files = sandbox.DataFiles().ToList();
        Assert.That(files.Select(f => Path.GetFileName(f.Path)), Does.Contain("gate.db"));
        foreach (var secret in secrets)
        {
            // Every 16-byte window, so no fragment survives either (16 random bytes never recur by chance).
            for (var offset = 0; offset + Window <= secret.Length; offset += Window / 2)
            {
                var window = secret.AsSpan(offset, Window).ToArray();
                var holder = files.FirstOrDefault(f => f.Content.AsSpan().IndexOf(window) >= 0).Path;
                Assert.That(holder, Is.Null, $"bytes {offset}..{offset + Window} of a {secret.Length}-byte record remain in {holder}");
            }
        }
    }

    private static List<byte[]> SealedBytesOf(StoreSandbox sandbox, string personId) =>
        sandbox.ReadBlobs($"""
            SELECT wrapped_key FROM person_keys WHERE person_id = '{personId}'
            UNION ALL SELECT name_sealed FROM persons WHERE id = '{personId}'
            UNION ALL SELECT details_sealed FROM face_consents WHERE person_id = '{personId}'
            UNION ALL SELECT template_sealed FROM face_templates WHERE person_id = '{personId}'
            """);
}
