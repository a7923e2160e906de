namespace GateController.Tests.Storage;

/// <summary>The audit chain is checked against edits made straight to the SQLite file, as an insider would.</summary>
public sealed class AuditChainTests
{
    private const string DropGuards = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";

    [Test]
    public void Every_change_is_audited_in_order_and_the_chain_verifies()
    {
        using var sandbox = new StoreSandbox();
        using var store = WithHistory(sandbox);

        var verification = store.VerifyAudit();

        Assert.That(verification.IsValid, Is.True, verification.Message);
        Assert.That(store.RecentAudit(100).Select(e => (e.Kind, e.Subject)), Is.EqualTo(new (string, string?)[]
        {
            ("StoreCreated", null), ("PersonAdded", "A-1"), ("PersonAdded", "B-2"), ("FaceConsentRecorded", "A-1"),
            ("FaceEnrolled", "A-1"), ("FaceWithdrawn", "A-1"), ("PersonDeleted", "B-2"),
        }));
        Assert.That(verification.RowsChecked, Is.EqualTo(7));
    }

    [Test]
    public void Audit_details_never_hold_names()
    {
        using var sandbox = new StoreSandbox();
        using var store = WithHistory(sandbox);

        Assert.That(store.RecentAudit(100).Select(e => e.Detail), Has.None.Contains("Resident"));
    }

    [Test]
    public void The_store_refuses_to_edit_or_delete_audit_rows_itself()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();

        Assert.That(() => sandbox.ExecuteRaw("UPDATE audit SET detail = 'x' WHERE seq = 2"), Throws.Exception.With.Message.Contains("append-only"));
        Assert.That(() => sandbox.ExecuteRaw("DELETE FROM audit WHERE seq = 2"), Throws.Exception.With.Message.Contains("append-only"));
    }

    [Test]
    public void An_edited_row_is_named_as_the_first_bad_row()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + "UPDATE audit SET detail = 'person added by nobody' WHERE seq = 3");

        using var store = sandbox.Open();
        var verification = store.VerifyAudit();

        Assert.That(verification.IsValid, Is.False);
        Assert.That(verification.FirstBadSequence, Is.EqualTo(3));
        Assert.That(verification.Message, Does.Contain("row 3").And.Contain("edited"));
    }

    [Test]
    public void A_deleted_row_is_named_as_the_first_bad_row()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + "DELETE FROM audit WHERE seq = 4");

        using var store = sandbox.Open();
        var verification = store.VerifyAudit();

        Assert.That(verification.FirstBadSequence, Is.EqualTo(4));
        Assert.That(verification.Message, Does.Contain("row 4").And.Contain("missing"));
    }

    [Test]
    public void Deleting_the_newest_rows_is_detected()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + "DELETE FROM audit WHERE seq >= 6");

        using var store = sandbox.Open();
        var verification = store.VerifyAudit();

        Assert.That(verification.FirstBadSequence, Is.EqualTo(6));
        Assert.That(verification.Message, Does.Contain("newest rows were deleted"));
    }

    [Test]
    public void Swapped_rows_are_detected_at_the_first_moved_row()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + """
            UPDATE audit SET seq = -1 WHERE seq = 4;
            UPDATE audit SET seq = 4 WHERE seq = 5;
            UPDATE audit SET seq = 5 WHERE seq = -1;
            """);

        using var store = sandbox.Open();
        var verification = store.VerifyAudit();

        Assert.That(verification.FirstBadSequence, Is.EqualTo(4));
        Assert.That(verification.Message, Does.Contain("row 4").And.Contain("reordered"));
    }

    [Test]
    public void Appends_after_tampering_do_not_hide_it()
    {
        using var sandbox = new StoreSandbox();
        WithHistory(sandbox).Dispose();
        sandbox.ExecuteRaw(DropGuards + "DELETE FROM audit WHERE seq = 7");

        using var store = sandbox.Open();
        store.AddPerson("C-3", "Later Resident");

        Assert.That(store.VerifyAudit().FirstBadSequence, Is.EqualTo(7));
    }

    private static GateController.Storage.Store.GateStore WithHistory(StoreSandbox sandbox)
    {
        var store = sandbox.Open();
        store.AddPerson("A-1", "Resident One");
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        store.AddPerson("B-2", "Resident Two");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        store.WithdrawFace("A-1");
        store.DeletePerson("B-2");
        return store;
    }
}
