using System.Text;
using GateController.Core.Receipts;
using GateController.Core.Rules;
using GateController.Storage.AccessRules;
using GateController.Storage.Store;

namespace GateController.Tests.Storage;

/// <summary>Groups, memberships and validity in the real store (schema step 4): sealed, audited, erased with the person.</summary>
public sealed class AccessRuleStoreTests
{
    [Test]
    public void Groups_and_a_persons_access_survive_a_reopen_and_are_audited()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Resident");
            store.SaveGroup(Group("cleaners", ["Mon-Fri 08:00-12:00", "Sat 09:00-11:00"], ["2026-10-01"], doors: [1, 2]));
            var set = store.SetPersonAccess("A-1", new PersonAccessUpdate
            {
                Groups = ["cleaners"], ChangesValidFrom = true, ValidFrom = new DateOnly(2026, 3, 1), ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 8, 31),
            });
            Assert.That(set.Succeeded, Is.True, set.Refusal?.Message);
        }

        using var reopened = sandbox.Open();
        var group = reopened.ListGroups().Single();
        var access = reopened.ReadPersonAccess("A-1");
        var audit = reopened.RecentAudit(10);

        Assert.That(AccessGroupText.Windows(group.Windows), Is.EqualTo(new[] { "Mon-Fri 08:00-12:00", "Sat 09:00-11:00" }));
        Assert.That((group.Holidays.Single(), group.Doors), Is.EqualTo((new DateOnly(2026, 10, 1), new[] { 1, 2 })));
        Assert.That((access.Groups.Single(), access.Validity), Is.EqualTo(("cleaners", new PersonValidity(new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 31)))));
        Assert.That(audit.Select(a => a.Kind), Does.Contain("AccessGroupSaved").And.Contain("PersonAccessSet"));
        var personRow = audit.Single(a => a.Kind == "PersonAccessSet");
        Assert.That((personRow.Subject, personRow.Detail), Is.EqualTo(("A-1", "access set: groups [cleaners], valid-from set, valid-until set")));
        Assert.That(audit.Any(a => a.Detail.Contains("2026-08-31", StringComparison.Ordinal)), Is.False, "the audit never holds the dates");
        Assert.That(reopened.VerifyAudit().IsValid, Is.True);
    }

    [Test]
    public void The_access_record_is_sealed_and_bound_to_its_person()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "One");
        store.AddPerson("B-2", "Two");
        store.SaveGroup(Group("night-shift", ["22:00-06:00"]));
        store.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = ["night-shift"], ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 8, 31) });
        store.SetPersonAccess("B-2", new PersonAccessUpdate { ChangesValidUntil = true, ValidUntil = new DateOnly(2027, 1, 1) });

        var blobs = sandbox.ReadBlobs("SELECT access_sealed FROM person_access ORDER BY person_id");
        Assert.That(blobs.Any(b => Encoding.UTF8.GetString(b).Contains("2026-08-31", StringComparison.Ordinal)), Is.False);
        sandbox.ExecuteRaw("UPDATE person_access SET access_sealed = (SELECT access_sealed FROM person_access WHERE person_id = 'B-2') WHERE person_id = 'A-1'");

        Assert.That(() => store.LoadAccessRuleSet(), Throws.TypeOf<StoreIntegrityException>().With.Message.Contains("A-1"),
            "a record moved from another person must not read as that person's (or as no restriction)");
    }

    [Test]
    public void Unknown_groups_a_period_that_ends_before_it_starts_and_a_group_with_members_are_refused()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Resident");
        store.SaveGroup(Group("residents", ["00:00-24:00"]));
        store.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = ["residents"] });

        var unknown = store.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = ["visitors"] });
        var backwards = store.SetPersonAccess("A-1", new PersonAccessUpdate
        {
            ChangesValidFrom = true, ValidFrom = new DateOnly(2026, 5, 1), ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 4, 30),
        });
        var inUse = store.RemoveGroup("residents");
        var missing = store.RemoveGroup("visitors");
        var noPerson = store.SetPersonAccess("Z-9", new PersonAccessUpdate { Groups = ["residents"] });

        Assert.That((unknown.Refusal!.Reason, unknown.Refusal.Message), Is.EqualTo((StoreRefusalReason.GroupNotFound, "Access group 'visitors' does not exist; add it first (gatectl group add visitors --window ...).")));
        Assert.That(backwards.Refusal!.Message, Does.Contain("valid-until 2026-04-30 is before valid-from 2026-05-01"));
        Assert.That((inUse.Refusal!.Reason, missing.Refusal!.Reason, noPerson.Refusal!.Reason),
            Is.EqualTo((StoreRefusalReason.GroupInUse, StoreRefusalReason.GroupNotFound, StoreRefusalReason.PersonNotFound)));
        Assert.That(store.ReadPersonAccess("A-1").Groups, Is.EqualTo(new[] { "residents" }), "nothing changed");
        store.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = [] });
        Assert.That(store.RemoveGroup("residents").Succeeded, Is.True);
        Assert.That(sandbox.ReadBlobs("SELECT access_sealed FROM person_access"), Is.Empty, "back to the default: no row");
    }

    [Test]
    public void Erasure_deletes_memberships_and_validity_and_the_receipt_counts_them()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Leaves");
        store.AddPerson("B-2", "Stays");
        store.SaveGroup(Group("residents", ["00:00-24:00"]));
        store.SaveGroup(Group("gym", ["06:00-22:00"]));
        store.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = ["residents", "gym"], ChangesValidUntil = true, ValidUntil = new DateOnly(2026, 8, 31) });
        store.SetPersonAccess("B-2", new PersonAccessUpdate { Groups = ["residents"] });
        var sealedRecord = sandbox.ReadBlobs("SELECT access_sealed FROM person_access WHERE person_id = 'A-1'").Single();
        var seen = new List<StoreChangedEventArgs>();
        store.Changed += (_, change) => seen.Add(change);

        var result = store.DeletePersonWithReceipt("A-1");

        var receipt = result.Value!.Receipt;
        Assert.That((receipt.Deleted["groupMemberships"], receipt.Deleted["validityPeriods"]), Is.EqualTo((2L, 1L)));
        Assert.That(receipt.StoreCounts["person_access"], Is.EqualTo(1L), "only B-2's record remains");
        Assert.That(ReceiptVerifier.Verify(ReceiptJson.Write(result.Value.Signed), store.DevicePublicKey()).IsValid, Is.True);
        Assert.That(store.RecentAudit(1).Single().Detail, Does.Contain("2 group memberships and 1 validity periods deleted"));
        Assert.That(store.LoadAccessRuleSet().For("A-1"), Is.SameAs(PersonAccess.None));
        Assert.That(seen.Single().Touches(StoreChanges.AccessRules) && seen.Single().Touches(StoreChanges.Credentials), Is.True);
        foreach (var start in Enumerable.Range(0, sealedRecord.Length - 16))
        {
            Assert.That(sandbox.FileContaining(sealedRecord[start..(start + 16)]), Is.Null, "no 16-byte piece of the sealed record is left on disk");
        }
    }

    [Test]
    public void A_version_3_store_is_migrated_to_version_4_at_open()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Existing");
        }

        sandbox.ExecuteRaw("DROP TABLE person_access; DROP TABLE access_groups; ALTER TABLE access_events DROP COLUMN door; DELETE FROM schema_version WHERE version IN (4, 5);");

        using var reopened = sandbox.Open();
        reopened.SaveGroup(Group("residents", ["00:00-24:00"]));

        Assert.That(reopened.Health().SchemaVersion, Is.EqualTo(5));
        Assert.That(reopened.SetPersonAccess("A-1", new PersonAccessUpdate { Groups = ["residents"] }).Succeeded, Is.True);
    }

    private static AccessGroup Group(string name, string[] windows, string[]? holidays = null, int[]? doors = null)
    {
        Assert.That(AccessGroupText.TryCreate(name, windows, holidays ?? [], [], doors ?? [], out var group, out var problem), Is.True, problem);
        return group!;
    }
}
