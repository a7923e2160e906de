using GateController.Core.Access;
using GateController.Core.Events;

namespace GateController.Tests.Storage;

/// <summary>Decisions, admin commands and configuration changes in the real store's audit chain.</summary>
public sealed class DecisionAuditTests
{
    private const string DropGuards = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";

    [Test]
    public void Every_decision_is_in_the_audit_chain_with_its_event_and_the_chain_verifies()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        store.AppendAccessEvents([Decision(sandbox, 1, "A-1", AccessResult.Granted, "card"), Decision(sandbox, 2, null, AccessResult.Denied, "unknown card")]);
        store.AppendAccessEvent(Decision(sandbox, 3, "A-1", AccessResult.Granted, "pin"));

        var decisions = store.RecentAudit(10).Where(e => e.Kind == "AccessDecision").ToList();
        Assert.That(decisions.Select(e => e.Subject), Is.EqualTo(new[] { "A-1", null, "A-1" }));
        Assert.That(decisions[1].Detail, Is.EqualTo("Card at front: Denied (unknown card); event 2"));
        Assert.That(store.RecentAccessEvents(10), Has.Count.EqualTo(3));
        Assert.That(store.VerifyAudit().IsValid, Is.True);
    }

    [TestCase("UPDATE audit SET detail = 'Card at front: Granted (card); event 2' WHERE seq = 3", 3, "edited")]
    [TestCase("DELETE FROM audit WHERE seq = 3", 3, "missing")]
    [TestCase("UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -1", 2, "reordered")]
    public void An_edited_deleted_or_reordered_decision_row_is_named(string tamper, long firstBad, string problem)
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AppendAccessEvents([Decision(sandbox, 1, "A-1", AccessResult.Granted, "card"), Decision(sandbox, 2, null, AccessResult.Denied, "unknown card")]);
            store.AppendAccessEvent(Decision(sandbox, 3, "A-1", AccessResult.Granted, "pin"));
        }

        sandbox.ExecuteRaw(DropGuards + tamper);

        using var reopened = sandbox.Open();
        var verification = reopened.VerifyAudit();
        Assert.That(verification.FirstBadSequence, Is.EqualTo(firstBad), verification.Message);
        Assert.That(verification.Message, Does.Contain(problem));
    }

    [Test]
    public void Admin_commands_are_audited_by_route_and_status_with_only_a_valid_person_id()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        store.RecordAdminCommand("DELETE", "/v1/persons/{id}", 200, "A-1");
        store.RecordAdminCommand("POST", "/v1/persons", 400, "not an id; DROP TABLE");

        var rows = store.RecentAudit(2);
        Assert.That(rows.Select(e => (e.Kind, e.Subject, e.Detail)), Is.EqualTo(new (string, string?, string)[]
        {
            ("AdminCommand", "A-1", "DELETE /v1/persons/{id} -> 200"), ("AdminCommand", null, "POST /v1/persons -> 400"),
        }));
    }

    [Test]
    public void A_configuration_change_is_audited_once_naming_the_changed_sections()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        var first = new Dictionary<string, string> { ["Door"] = "aa", ["Readers"] = "bb" };

        Assert.That(store.RecordConfiguration(first, "11"), Is.EqualTo(new[] { "Door", "Readers" }));
        Assert.That(store.RecordConfiguration(first, "11"), Is.Empty);
        Assert.That(store.RecordConfiguration(new Dictionary<string, string> { ["Door"] = "aa", ["Retention"] = "cc" }, "22"),
            Is.EqualTo(new[] { "Readers", "Retention" }));

        var rows = store.RecentAudit(10).Where(e => e.Kind == "ConfigChanged").Select(e => e.Detail).ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            "first configuration recorded; sections: Door, Readers; sha256 11",
            "configuration changed; sections: Readers, Retention; sha256 22",
        }));
    }

    [Test]
    public void The_pseudonym_key_is_stable_across_reopening_and_key_rotation_keeps_it()
    {
        using var sandbox = new StoreSandbox();
        byte[] first;
        using (var store = sandbox.Open())
        {
            first = store.PseudonymKeyBytes();
            store.RotateMasterKey(new GateController.Storage.Keys.KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false));
        }

        using var reopened = sandbox.Open();
        Assert.That(reopened.PseudonymKeyBytes(), Is.EqualTo(first));
        Assert.That(first, Has.Length.EqualTo(32));
    }

    internal static AccessEvent Decision(StoreSandbox sandbox, long sequence, string? person, AccessResult result, string reason) =>
        new(sequence, sandbox.Time.GetUtcNow(), AccessMethod.Card, "front", person, result, reason, TimeSpan.FromMilliseconds(5));
}
