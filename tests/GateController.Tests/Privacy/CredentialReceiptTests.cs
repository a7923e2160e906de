using GateController.Core.Access;
using GateController.Core.Receipts;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

/// <summary>Cards and PINs in deletion receipts: counted as destroyed, and their tables in the state hash.</summary>
public sealed class CredentialReceiptTests
{
    [Test]
    public void A_person_delete_receipt_counts_the_cards_and_each_kind_of_PIN_destroyed()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Card Holder");
        store.AddPerson("B-2", "Stays");
        Assert.That(store.AddCard("A-1", new CardNumber("H10301", 13, 13067, 26, 0)).Succeeded, Is.True);
        Assert.That(store.AddCard("A-1", new CardNumber("H10301", 13, 13068, 26, 0)).Succeeded, Is.True);
        Assert.That(store.AddCard("B-2", new CardNumber("H10301", 13, 20001, 26, 0)).Succeeded, Is.True);
        Assert.That(store.SetPin("A-1", "2580", duress: false).Succeeded, Is.True);
        Assert.That(store.SetPin("A-1", "1397", duress: true).Succeeded, Is.True);
        Assert.That(store.SetPin("B-2", "4682", duress: false).Succeeded, Is.True);

        var result = store.DeletePersonWithReceipt("A-1");

        Assert.That(result.Succeeded, Is.True);
        var receipt = result.Value!.Receipt;
        Assert.That((receipt.Deleted["cards"], receipt.Deleted["normalPins"], receipt.Deleted["duressPins"]), Is.EqualTo((2L, 1L, 1L)));
        Assert.That((receipt.StoreCounts["cards"], receipt.StoreCounts["pins"]), Is.EqualTo((1L, 1L)), "only B-2's card and PIN remain");
        Assert.That(result.Value.Summary, Does.Contain("2 cards").And.Contain("1 duressPins").And.Contain("1 normalPins"));
        var verification = ReceiptVerifier.Verify(ReceiptJson.Write(result.Value.Signed), store.DevicePublicKey());
        Assert.That(verification.IsValid, Is.True, verification.Message);
    }

    [Test]
    public void A_receipt_counting_only_the_tables_of_before_cards_and_PINs_still_verifies()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Old Receipt");
        var current = store.DeletePersonWithReceipt("A-1").Value!.Receipt;
        // A receipt issued before the card and PIN tables were counted: five tables, same state hash definition.
        var olderCounts = current.StoreCounts.Where(c => c.Key is not ("cards" or "pins")).ToDictionary(StringComparer.Ordinal);
        var older = current with
        {
            Deleted = current.Deleted.Where(d => d.Key is not ("cards" or "normalPins" or "duressPins")).ToDictionary(StringComparer.Ordinal),
            StoreCounts = olderCounts,
            StateHash = StoreStateHash.Compute(current.StoreId, current.AuditSequence, Convert.FromHexString(current.AuditHash), olderCounts),
        };
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var verification = ReceiptVerifier.Verify(ReceiptJson.Write(SignedReceipt.Sign(older, key)), key.ExportSubjectPublicKeyInfo());

        Assert.That(verification.IsValid, Is.True, verification.Message);
        Assert.That(older.StateHash, Is.Not.EqualTo(current.StateHash), "the counted tables are part of what the state hash covers");
    }
}
