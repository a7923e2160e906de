using GateController.Core.Access;
using GateController.Storage.Retention;
using GateController.Storage.Store;

namespace GateController.Tests.Storage;

/// <summary>Retention purges old decision rows behind an anchor; the rest of the chain still proves edits, deletions and reordering.</summary>
public sealed class AuditAnchorTests
{
    private const string DropGuards = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";
    private static readonly RetentionOptions NinetyDays = new() { AccessEventDays = 90 };

    [Test]
    public void Retention_purges_old_decision_rows_keeps_every_other_row_and_the_chain_still_verifies()
    {
        using var sandbox = new StoreSandbox();
        using var store = PurgedHistory(sandbox);

        var kinds = store.RecentAudit(100).Select(e => (e.Sequence, e.Kind)).ToList();
        Assert.That(kinds.Where(k => k.Kind == "AccessDecision").Select(k => k.Sequence), Is.EqualTo(new[] { 6L }), "only the recent decision stays");
        Assert.That(kinds.Select(k => k.Kind), Does.Contain("PersonAdded").And.Contain("PersonDeleted"), "enrolment and erasure rows are never purged");
        var verification = store.VerifyAudit();
        Assert.That(verification.IsValid, Is.True, verification.Message);
        Assert.That(verification.AnchorSequence, Is.EqualTo(4));
        Assert.That(verification.HeadHash, Is.EqualTo(Convert.ToHexStringLower(store.RecentAudit(1)[0].Hash.Span)));
    }

    [Test]
    public void A_second_purge_moves_the_anchor_and_the_chain_still_verifies()
    {
        using var sandbox = new StoreSandbox();
        using var store = PurgedHistory(sandbox);
        sandbox.Time.Advance(TimeSpan.FromDays(100));
        store.AppendAccessEvent(DecisionAuditTests.Decision(sandbox, 4, null, AccessResult.Denied, "wrong pin"));

        Assert.That(store.ApplyRetention(NinetyDays).DecisionAuditRowsPurged, Is.EqualTo(1));
        var verification = store.VerifyAudit();
        Assert.That(verification.IsValid, Is.True, verification.Message);
        Assert.That(verification.AnchorSequence, Is.EqualTo(6));
    }

    [TestCase("DELETE FROM meta WHERE name = 'audit_anchor'", 4, "anchor was deleted")]
    [TestCase("UPDATE audit SET detail = 'person added by nobody' WHERE seq = 2", 2, "edited")]
    [TestCase("DELETE FROM audit WHERE seq = 2", 4, "kept row was deleted")]
    [TestCase("DELETE FROM audit WHERE seq = 5", 5, "missing")]
    [TestCase("UPDATE audit SET seq = -1 WHERE seq = 6; UPDATE audit SET seq = 6 WHERE seq = 7; UPDATE audit SET seq = 7 WHERE seq = -1", 6, "reordered")]
    public void Tampering_after_a_purge_is_named(string tamper, long firstBad, string problem)
    {
        using var sandbox = new StoreSandbox();
        PurgedHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + tamper);

        using var store = sandbox.Open();
        var verification = store.VerifyAudit();

        Assert.That(verification.IsValid, Is.False);
        Assert.That(verification.FirstBadSequence, Is.EqualTo(firstBad), verification.Message);
        Assert.That(verification.Message, Does.Contain(problem));
    }

    [Test]
    public void A_broken_chain_is_not_purged_so_tampering_is_not_laundered()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AppendAccessEvent(DecisionAuditTests.Decision(sandbox, 1, "A-1", AccessResult.Granted, "card"));
        }

        sandbox.ExecuteRaw(DropGuards + "UPDATE audit SET detail = 'Card at front: Denied (card); event 1' WHERE seq = 2");
        using var reopened = sandbox.Open();
        sandbox.Time.Advance(TimeSpan.FromDays(91));

        var run = reopened.ApplyRetention(NinetyDays);

        Assert.That((run.AccessEventsPurged, run.DecisionAuditRowsPurged), Is.EqualTo((1, 0L)));
        Assert.That(reopened.VerifyAudit().FirstBadSequence, Is.EqualTo(2));
    }

    /// <summary>
    /// Rows: 1 StoreCreated, 2 PersonAdded, 3 decision (old), 4 decision (old), 5 PersonDeleted,
    /// then after 91 days: 6 decision (new), 7 AccessEventsPurged, 8 AuditAnchorMoved (anchor at 4).
    /// </summary>
    private static GateStore PurgedHistory(StoreSandbox sandbox)
    {
        var store = sandbox.Open();
        store.AddPerson("A-1", "Resident One");
        store.AppendAccessEvent(DecisionAuditTests.Decision(sandbox, 1, "A-1", AccessResult.Granted, "card"));
        store.AppendAccessEvent(DecisionAuditTests.Decision(sandbox, 2, null, AccessResult.Denied, "unknown card"));
        store.DeletePerson("A-1");
        sandbox.Time.Advance(TimeSpan.FromDays(91));
        store.AppendAccessEvent(DecisionAuditTests.Decision(sandbox, 3, null, AccessResult.Denied, "unknown card"));
        var run = store.ApplyRetention(NinetyDays);
        Assert.That((run.AccessEventsPurged, run.DecisionAuditRowsPurged), Is.EqualTo((2, 2L)));
        return store;
    }
}
