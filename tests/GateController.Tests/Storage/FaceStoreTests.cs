using GateController.Storage.Faces;
using GateController.Storage.Store;

namespace GateController.Tests.Storage;

public sealed class FaceStoreTests
{
    [Test]
    public void Enrolled_templates_load_back_bit_for_bit_per_person_and_model()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        store.AddPerson("C-3", "Three");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        float[][] first = [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)];
        float[] second = StoreSandbox.Embedding(3);

        var enrolment = store.AddFaceTemplates("A-1", first, StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("B-2", [second], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("C-3", [StoreSandbox.Embedding(4, dimensions: 512)], "arcface_r100", consent);

        Assert.That(enrolment.Value!.TemplatesStored, Is.EqualTo(2));
        var load = store.LoadFaceTemplates(StoreSandbox.ModelId);
        Assert.That(load.Damaged, Is.Empty);
        Assert.That(load.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "A-1", "A-1", "B-2" }));
        Assert.That(load.Templates.Select(t => t.Embedding), Is.EqualTo(new[] { first[0], first[1], second }));
        Assert.That(store.LoadFaceTemplates("arcface_r100").Templates.Single().Embedding, Has.Length.EqualTo(512));
    }

    [Test]
    public void A_streamed_load_announces_the_stored_count_then_hands_over_each_template_in_person_order()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("B-2", "Two");
        store.AddPerson("A-1", "One");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, consent);
        var sink = new RecordingSink();

        var scan = store.LoadFaceTemplates(StoreSandbox.ModelId, sink);

        Assert.That(sink.Announced, Is.EqualTo(3));
        Assert.That(sink.Received.Select(r => r.Person), Is.EqualTo(new[] { "A-1", "A-1", "B-2" }));
        Assert.That(sink.Received.Select(r => r.Embedding), Is.EqualTo(new[] { StoreSandbox.Embedding(1), StoreSandbox.Embedding(2), StoreSandbox.Embedding(3) }));
        Assert.That((scan.Loaded, scan.Damaged.Count), Is.EqualTo((3, 0)));
    }

    private sealed class RecordingSink : IFaceTemplateSink
    {
        public int Announced { get; private set; } = -1;

        public List<(string Person, float[] Embedding)> Received { get; } = [];

        public void Begin(int storedTemplates) => Announced = storedTemplates;

        public void Add(string personId, ReadOnlySpan<float> embedding) => Received.Add((personId, embedding.ToArray()));
    }

    [Test]
    public void Templates_of_another_embedder_model_are_counted_by_template_and_person_but_not_loaded()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        store.AddPerson("C-3", "Three");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        const string modelA = "sha256-of-embedder-a";
        const string modelB = "sha256-of-embedder-b";
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], modelA, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], modelA, consent);
        store.AddFaceTemplates("C-3", [StoreSandbox.Embedding(4)], modelB, consent);

        var underA = store.LoadFaceTemplates(modelA);
        var underB = store.LoadFaceTemplates(modelB);

        Assert.That(underA.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "A-1", "A-1", "B-2" }));
        Assert.That((underA.OtherModelTemplates, underA.OtherModelPersons), Is.EqualTo((1, 1)));
        Assert.That(underB.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "C-3" }));
        Assert.That((underB.OtherModelTemplates, underB.OtherModelPersons), Is.EqualTo((3, 2)));
        Assert.That(underA.Damaged.Concat(underB.Damaged), Is.Empty);
    }

    [Test]
    public void Enrolling_again_under_a_new_embedder_deletes_that_persons_templates_of_the_old_one_and_audits_it()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        const string oldModel = "sha256-of-the-fp32-embedder";
        const string newModel = "sha256-of-the-int8-embedder";
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], oldModel, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], oldModel, consent);

        var again = store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(4)], newModel, consent);

        Assert.That((again.Value!.TemplatesStored, again.Value.OtherModelTemplatesDeleted), Is.EqualTo((1, 2)));
        var underNew = store.LoadFaceTemplates(newModel);
        Assert.That(underNew.Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "A-1" }));
        Assert.That((underNew.OtherModelTemplates, underNew.OtherModelPersons), Is.EqualTo((1, 1)), "B-2 has not enrolled again yet");
        Assert.That(store.LoadFaceTemplates(oldModel).Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "B-2" }));
        Assert.That(store.RecentAudit(1)[0].Detail, Does.Contain("2 templates of other embedder models deleted"));
    }

    [Test]
    public void A_store_with_one_embedder_model_reports_no_other_model_templates()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        var load = store.LoadFaceTemplates(StoreSandbox.ModelId);

        Assert.That((load.Templates.Count, load.OtherModelTemplates, load.OtherModelPersons), Is.EqualTo((1, 0, 0)));
    }

    [Test]
    public void Enrolment_without_consent_stores_nothing()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        var auditRows = store.Health().AuditRows;

        var result = store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, consent: null);

        Assert.That(result.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.ConsentRequired));
        Assert.That(result.Refusal.Message, Does.Contain("consent record").And.Contain("nothing was stored"));
        Assert.That(store.Health().FaceTemplates, Is.Zero);
        Assert.That(store.Health().AuditRows, Is.EqualTo(auditRows));
    }

    [Test]
    public void Enrolment_with_blank_or_future_consent_is_refused()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        var now = sandbox.Time.GetUtcNow();

        var blankOperator = store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(now) with { Operator = " " });
        var future = store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(now.AddDays(1)));

        Assert.That(blankOperator.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.InvalidConsent));
        Assert.That(blankOperator.Refusal.Message, Does.Contain("Operator"));
        Assert.That(future.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.InvalidConsent));
        Assert.That(store.Health().FaceTemplates, Is.Zero);
    }

    [Test]
    public void Enrolment_for_an_unknown_person_is_refused()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        var result = store.AddFaceTemplates("NOBODY", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        Assert.That(result.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.PersonNotFound));
    }

    [Test]
    public void Embeddings_with_NaN_or_mixed_dimensions_are_a_caller_bug()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        var withNaN = StoreSandbox.Embedding(1);
        withNaN[7] = float.NaN;

        Assert.That(() => store.AddFaceTemplates("A-1", [withNaN], StoreSandbox.ModelId, consent), Throws.ArgumentException.With.Message.Contains("NaN"));
        Assert.That(() => store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2, 64)], StoreSandbox.ModelId, consent),
            Throws.ArgumentException.With.Message.Contains("64 dimensions"));
    }

    [Test]
    public void Withdrawing_face_erases_templates_and_consent_but_keeps_the_person()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, consent);
        store.AddFaceTemplates("B-2", [StoreSandbox.Embedding(3)], StoreSandbox.ModelId, consent);

        var withdrawal = store.WithdrawFace("A-1");

        Assert.That(withdrawal.Value, Is.Not.Null);
        Assert.That((withdrawal.Value!.DataKeysDestroyed, withdrawal.Value.FaceTemplatesDeleted, withdrawal.Value.FaceConsentsDeleted), Is.EqualTo((1, 2, 1)));
        Assert.That(withdrawal.Value.Checkpointed, Is.True);
        Assert.That(store.TryFindPerson("A-1", out var person), Is.True);
        Assert.That((person!.Name, person.FaceTemplateCount, person.HasFaceConsent), Is.EqualTo(("One", 0, false)));
        Assert.That(store.LoadFaceTemplates(StoreSandbox.ModelId).Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "B-2" }));
        Assert.That(sandbox.ReadBlobs("SELECT wrapped_key FROM person_keys WHERE person_id = 'A-1'"), Has.Count.EqualTo(1), "only the identity key is left");
    }

    [Test]
    public void A_person_can_enrol_again_after_withdrawing()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        var consent = StoreSandbox.Consent(sandbox.Time.GetUtcNow());
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, consent);
        store.WithdrawFace("A-1");

        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(9)], StoreSandbox.ModelId, consent);

        Assert.That(store.LoadFaceTemplates(StoreSandbox.ModelId).Templates.Single().Embedding, Is.EqualTo(StoreSandbox.Embedding(9)));
    }

    [Test]
    public void Withdrawing_face_of_an_unknown_person_is_refused()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        Assert.That(store.WithdrawFace("NOBODY").Refusal!.Reason, Is.EqualTo(StoreRefusalReason.PersonNotFound));
    }

    [Test]
    public void A_face_template_never_prints_its_values()
    {
        var template = new FaceTemplate("A-1", [0.123456f, 0.5f]);

        Assert.That(template.ToString(), Does.Not.Contain("0.123").And.Contain("redacted"));
    }
}
