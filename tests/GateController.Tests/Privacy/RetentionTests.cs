using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Receipts;
using GateController.Storage.Retention;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

public sealed class RetentionTests
{
    private static readonly RetentionOptions ThirtyAndNinety = new() { FaceTemplateDays = 30, AccessEventDays = 90 };

    [Test]
    public void Face_data_of_a_person_not_seen_for_N_days_is_erased_with_a_stored_receipt()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("ABSENT", "Absent");
        store.AddPerson("PRESENT", "Present");
        store.AddFaceTemplates("ABSENT", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        store.AddFaceTemplates("PRESENT", [StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        sandbox.Time.Advance(TimeSpan.FromDays(20));
        store.AppendAccessEvent(FaceGrant(sandbox, "PRESENT", 1));
        sandbox.Time.Advance(TimeSpan.FromDays(11));

        var run = store.ApplyRetention(ThirtyAndNinety);

        var erased = run.FaceErasures.Single();
        Assert.That((erased.Receipt.PersonId, erased.Receipt.Action), Is.EqualTo(("ABSENT", ReceiptActions.FaceRetention)));
        Assert.That(Path.GetDirectoryName(erased.ArchivedPath), Is.EqualTo(Path.Combine(sandbox.DataDirectory, "receipts")));
        Assert.That(ReceiptVerifier.Verify(File.ReadAllText(erased.ArchivedPath), store.DevicePublicKey()).IsValid, Is.True);
        Assert.That(store.TryFindPerson("ABSENT", out var absent) && absent.FaceTemplateCount == 0, Is.True, "the person stays; only face data goes");
        Assert.That(store.LoadFaceTemplates(StoreSandbox.ModelId).Templates.Select(t => t.PersonId), Is.EqualTo(new[] { "PRESENT" }));

        sandbox.Time.Advance(TimeSpan.FromDays(20));
        Assert.That(store.ApplyRetention(ThirtyAndNinety).FaceErasures.Single().Receipt.PersonId, Is.EqualTo("PRESENT"));
    }

    [Test]
    public void Access_events_older_than_M_days_are_purged_and_the_purge_is_audited()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AppendAccessEvent(FaceGrant(sandbox, "A-1", 1));
        sandbox.Time.Advance(TimeSpan.FromDays(60));
        store.AppendAccessEvent(FaceGrant(sandbox, "A-1", 2));
        sandbox.Time.Advance(TimeSpan.FromDays(31));

        var run = store.ApplyRetention(ThirtyAndNinety);

        Assert.That(run.AccessEventsPurged, Is.EqualTo(1));
        Assert.That(store.RecentAccessEvents(10).Select(e => e.Sequence), Is.EqualTo(new[] { 2L }));
        Assert.That(store.RecentAudit(2).Select(e => e.Kind), Is.EqualTo(new[] { "AccessEventsPurged", "AuditAnchorMoved" }));
        Assert.That(store.VerifyAudit().IsValid, Is.True);
    }

    [Test]
    public void Retention_is_off_by_default()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        store.AppendAccessEvent(FaceGrant(sandbox, "A-1", 1));
        sandbox.Time.Advance(TimeSpan.FromDays(3650));

        var run = store.ApplyRetention(new RetentionOptions());

        Assert.That((run.FaceErasures.Count, run.AccessEventsPurged), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Keeping_events_shorter_than_faces_is_refused_because_it_would_make_residents_look_absent()
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { FaceTemplateDays = 60, AccessEventDays = 30 });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Retention:AccessEventDays is 30"));
    }

    private static AccessEvent FaceGrant(StoreSandbox sandbox, string person, long sequence) =>
        new(sequence, sandbox.Time.GetUtcNow(), AccessMethod.Face, "gate", person, AccessResult.Granted, "face match", TimeSpan.FromMilliseconds(90));
}
