using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

public sealed class PersonReportTests
{
    [Test]
    public void The_report_lists_every_item_with_the_consent_record_and_never_a_template_value()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        var enrolledAt = sandbox.Time.GetUtcNow();
        store.AddPerson("A-1", "Reported Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(enrolledAt));
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        store.AppendAccessEvent(new AccessEvent(1, sandbox.Time.GetUtcNow(), AccessMethod.Face, "gate", "A-1", AccessResult.Granted, "face match", TimeSpan.FromMilliseconds(80)));
        store.AppendAccessEvent(new AccessEvent(2, sandbox.Time.GetUtcNow(), AccessMethod.Face, "gate", "B-2", AccessResult.Granted, "face match", TimeSpan.FromMilliseconds(80)));

        Assert.That(store.TryReportPerson("A-1", out var report), Is.True);

        Assert.That((report!.Name, report.AddedAt), Is.EqualTo(("Reported Person", enrolledAt)));
        Assert.That(report.DataKeys.Select(k => k.Purpose), Is.EqualTo(new[] { "Identity", "Face" }));
        var consent = report.FaceConsents.Single();
        Assert.That((consent.ConsentedBy, consent.Method, consent.Operator, consent.ConsentedAt, consent.TemplateCount),
            Is.EqualTo(("the resident in person", "paper form 2026-118", "operator Li", enrolledAt, 2)));
        var templates = report.FaceTemplates.Single();
        Assert.That((templates.ModelId, templates.Dimensions, templates.Count), Is.EqualTo((StoreSandbox.ModelId, 128, 2)));
        Assert.That(report.AccessEventCount, Is.EqualTo(1));
        Assert.That(report.RecentAccessEvents.Single().Person, Is.EqualTo("A-1"));
        Assert.That(report.LastFaceGrantAt, Is.EqualTo(sandbox.Time.GetUtcNow()));
        Assert.That(report.AuditEntryCount, Is.EqualTo(4), "added, consent recorded, enrolled, one decision");
        Assert.That(report.Damaged, Is.Empty);
        var properties = typeof(GateController.Storage.Report.TemplateGroup).GetProperties().Select(p => p.PropertyType);
        Assert.That(properties, Has.None.EqualTo(typeof(float[])), "a template group carries no values");
    }

    [Test]
    public void There_is_no_report_for_an_unknown_person()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        Assert.That(store.TryReportPerson("NOPE-1", out _), Is.False);
    }
}
