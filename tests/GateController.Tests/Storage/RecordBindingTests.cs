namespace GateController.Tests.Storage;

/// <summary>Ciphertexts are bound to their person, kind and row: moved, they never open.</summary>
public sealed class RecordBindingTests
{
    [Test]
    public void A_template_ciphertext_copied_to_another_persons_row_fails_to_open_and_returns_no_data()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        var stolen = StoreSandbox.Embedding(1);
        store.AddFaceTemplates("A-1", [stolen], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2)], StoreSandbox.ModelId, consent);

        sandbox.ExecuteRaw("""
            UPDATE face_templates SET template_sealed = (SELECT template_sealed FROM face_templates WHERE person_id = 'A-1')
            WHERE person_id = 'B-2'
            """);
        var load = store.LoadFaceTemplates(StoreSandbox.ModelId);

        Assert.That(load.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "A-1" }));
        Assert.That(load.Templates.Single().Embedding, Is.EqualTo(stolen));
        var damaged = load.Damaged.Single();
        Assert.That(damaged.PersonId, Is.EqualTo("B-2"));
        Assert.That(damaged.Message, Does.Contain($"#{damaged.RecordId}").And.Contain("'B-2'").And.Contain("fails authentication"));
    }

    [Test]
    public void A_template_ciphertext_copied_to_another_row_of_the_same_person_fails_to_open()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        sandbox.ExecuteRaw("UPDATE face_templates SET template_sealed = (SELECT template_sealed FROM face_templates ORDER BY id LIMIT 1) WHERE id = (SELECT MAX(id) FROM face_templates)");
        var load = store.LoadFaceTemplates(StoreSandbox.ModelId);

        Assert.That(load.Templates.Single().Embedding, Is.EqualTo(StoreSandbox.Embedding(1)));
        Assert.That(load.Damaged, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_wrapped_face_key_copied_to_another_person_opens_none_of_their_templates()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(2)], StoreSandbox.ModelId, consent);

        sandbox.ExecuteRaw("""
            UPDATE person_keys SET wrapped_key = (SELECT wrapped_key FROM person_keys WHERE person_id = 'A-1' AND purpose = 2)
            WHERE person_id = 'B-2' AND purpose = 2
            """);
        var load = store.LoadFaceTemplates(StoreSandbox.ModelId);

        Assert.That(load.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "A-1" }));
        Assert.That(load.Damaged.Single().Message, Does.Contain("Face data key of person 'B-2' fails authentication"));
    }

    [Test]
    public void A_sealed_name_copied_to_another_person_gives_a_clear_integrity_error()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");

        sandbox.ExecuteRaw("UPDATE persons SET name_sealed = (SELECT name_sealed FROM persons WHERE id = 'A-1') WHERE id = 'B-2'");

        Assert.That(() => store.TryFindPerson("B-2", out _),
            Throws.TypeOf<GateController.Storage.Store.StoreIntegrityException>().With.Message.Contains("sealed name of person 'B-2' fails authentication"));
    }
}
