using System.Text.Json.Nodes;
using GateController.Core.Receipts;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

public sealed class ReceiptTests
{
    [Test]
    public void DeletePersonWithReceipt_signs_a_receipt_that_verifies_and_names_the_deletion()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Receipt Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        var result = store.DeletePersonWithReceipt("A-1");

        Assert.That(result.Succeeded, Is.True);
        var receipt = result.Value!.Receipt;
        Assert.That((receipt.Action, receipt.PersonId, receipt.StoreId), Is.EqualTo((ReceiptActions.PersonDelete, "A-1", store.StoreId)));
        Assert.That(receipt.Deleted, Is.EquivalentTo(new Dictionary<string, long>
        {
            ["dataKeys"] = 2, ["faceTemplates"] = 2, ["faceConsents"] = 1, ["cards"] = 0, ["normalPins"] = 0, ["duressPins"] = 0, ["groupMemberships"] = 0, ["validityPeriods"] = 0, ["persons"] = 1,
        }));
        Assert.That(receipt.StoreCounts["persons"], Is.Zero);
        Assert.That(receipt.AuditSequence, Is.EqualTo(store.RecentAudit(1)[0].Sequence));
        var json = ReceiptJson.Write(result.Value.Signed);
        var verification = ReceiptVerifier.Verify(json, store.DevicePublicKey());
        Assert.That(verification.IsValid && verification.SignerTrusted, Is.True, verification.Message);
        Assert.That(store.ConfirmReceipt(verification.Signed!), Is.Null);
        Assert.That(File.ReadAllText(result.Value.ArchivedPath), Is.EqualTo(json));
        Assert.That(File.GetUnixFileMode(result.Value.ArchivedPath), Is.EqualTo(StoreSandbox.OwnerOnly));
    }

    [TestCase("personId", "A-2")]
    [TestCase("auditSequence", 1)]
    [TestCase("deletedAt", "2020-01-01T00:00:00.0000000+00:00")]
    public void A_receipt_edited_after_signing_fails_verification(string field, object value)
    {
        var (json, _) = SignedReceiptJson();
        var node = JsonNode.Parse(json)!;
        node["receipt"]![field] = value is int number ? JsonValue.Create((long)number) : JsonValue.Create((string)value);

        var verification = ReceiptVerifier.Verify(node.ToJsonString());

        Assert.That(verification.IsValid, Is.False);
        Assert.That(verification.Message, Does.Contain("signature does not verify").Or.Contain("stateHash"));
    }

    [Test]
    public void An_edited_deleted_count_fails_even_if_the_state_hash_is_recomputed()
    {
        var (json, _) = SignedReceiptJson();
        var node = JsonNode.Parse(json)!;
        node["receipt"]!["deleted"]!["faceTemplates"] = 0;

        Assert.That(ReceiptVerifier.Verify(node.ToJsonString()).Message, Does.Contain("signature does not verify"));
    }

    [Test]
    public void A_field_added_to_a_receipt_is_refused_because_the_signature_would_not_cover_it()
    {
        var (json, _) = SignedReceiptJson();
        var node = JsonNode.Parse(json)!;
        node["receipt"]!["note"] = "also deleted nothing else";

        Assert.That(ReceiptVerifier.Verify(node.ToJsonString()).Message, Does.Contain("unexpected field 'note'"));
    }

    [Test]
    public void A_receipt_re_signed_with_another_key_verifies_only_without_the_trusted_device_key()
    {
        var (json, devicePublicKey) = SignedReceiptJson();
        var original = ReceiptVerifier.Verify(json).Signed!;
        using var forger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var forged = ReceiptJson.Write(SignedReceipt.Sign(original.Receipt with { PersonId = "X-9" } , forger));

        Assert.That(ReceiptVerifier.Verify(forged, devicePublicKey).IsValid, Is.False);
        Assert.That(ReceiptVerifier.Verify(forged, devicePublicKey).Message, Does.Contain("not by the trusted key"));
        Assert.That(ReceiptVerifier.Verify(forged).SignerTrusted, Is.False);
    }

    [Test]
    public void The_device_key_is_created_once_and_survives_reopening()
    {
        using var sandbox = new StoreSandbox();
        byte[] first;
        using (var store = sandbox.Open())
        {
            first = store.DevicePublicKey();
        }

        using var reopened = sandbox.Open();
        Assert.That(reopened.DevicePublicKey(), Is.EqualTo(first));
    }

    private static (string Json, byte[] PublicKey) SignedReceiptJson()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Receipt Person");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
        return (ReceiptJson.Write(store.WithdrawFaceWithReceipt("A-1").Value!.Signed), store.DevicePublicKey());
    }
}
