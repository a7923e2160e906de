using GateController.Storage.Store;

namespace GateController.Tests.Storage;

public sealed class PersonStoreTests
{
    [Test]
    public void Added_person_is_found_and_listed_with_the_name_it_was_given()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        var added = store.AddPerson("A-1203", "张伟");
        store.AddPerson("B-0001", "Li Na");

        Assert.That(added.Succeeded, Is.True);
        Assert.That(store.TryFindPerson("A-1203", out var found), Is.True);
        Assert.That(found!.Name, Is.EqualTo("张伟"));
        Assert.That(found.AddedAt, Is.EqualTo(sandbox.Time.GetUtcNow()));
        Assert.That(store.ListPersons().Select(p => (p.Id, p.Name)), Is.EqualTo(new[] { ("A-1203", "张伟"), ("B-0001", "Li Na") }));
    }

    [Test]
    public void Adding_a_duplicate_person_id_is_refused_and_keeps_the_first_name()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1203", "First");

        var duplicate = store.AddPerson("A-1203", "Second");

        Assert.That(duplicate.Succeeded, Is.False);
        Assert.That(duplicate.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.DuplicatePerson));
        Assert.That(duplicate.Refusal.Message, Does.Contain("'A-1203' already exists"));
        Assert.That(store.ListPersons().Single().Name, Is.EqualTo("First"));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("semi;colon")]
    [TestCase("楼-1")]
    public void A_person_id_outside_1_to_64_safe_characters_is_refused(string id)
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        var result = store.AddPerson(id, "Name");

        Assert.That(result.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.InvalidPersonId));
        Assert.That(result.Refusal.Message, Does.Contain($"'{id}'").And.Contain("1 to 64"));
    }

    [Test]
    public void A_65_character_person_id_is_refused_and_a_64_character_one_accepted()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        Assert.That(store.AddPerson(new string('a', 65), "Name").Refusal!.Reason, Is.EqualTo(StoreRefusalReason.InvalidPersonId));
        Assert.That(store.AddPerson(new string('a', 64), "Name").Succeeded, Is.True);
    }

    [Test]
    public void A_refused_name_is_not_repeated_in_the_refusal_message()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        var result = store.AddPerson("A-1", "Secret\nName");

        Assert.That(result.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.InvalidName));
        Assert.That(result.Refusal.Message, Does.Not.Contain("Secret"));
    }

    [Test]
    public void Persons_templates_and_events_survive_close_and_reopen()
    {
        using var sandbox = new StoreSandbox();
        var embedding = StoreSandbox.Embedding(1);
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1203", "Wang Fang");
            store.AddFaceTemplates("A-1203", [embedding], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        }

        using var reopened = sandbox.Open();

        Assert.That(reopened.Opening.CreatedStore, Is.False);
        Assert.That(reopened.TryFindPerson("A-1203", out var person), Is.True);
        Assert.That(person!.Name, Is.EqualTo("Wang Fang"));
        Assert.That(person.FaceTemplateCount, Is.EqualTo(1));
        Assert.That(reopened.LoadFaceTemplates(StoreSandbox.ModelId).Templates.Single().Embedding, Is.EqualTo(embedding));
        Assert.That(reopened.VerifyAudit().IsValid, Is.True);
    }

    [Test]
    public void Health_counts_persons_templates_and_reports_the_database_size()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("A-2", "Two");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        var health = store.Health();

        Assert.That((health.Persons, health.PersonsWithFace, health.FaceTemplates), Is.EqualTo((2L, 1L, 2L)));
        Assert.That(health.DatabaseBytes + health.WalBytes, Is.GreaterThan(0));
        Assert.That(health.SchemaVersion, Is.EqualTo(5));
    }
}
