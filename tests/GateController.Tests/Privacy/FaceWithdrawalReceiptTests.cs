using GateController.Core.Receipts;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

public sealed class FaceWithdrawalReceiptTests
{
    [Test]
    public void WithdrawFaceWithReceipt_erases_face_data_and_keeps_the_person_and_identity_key()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Kept Name");
        store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1), StoreSandbox.Embedding(2)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));

        var result = store.WithdrawFaceWithReceipt("A-1");

        Assert.That(result.Value!.Receipt.Action, Is.EqualTo(ReceiptActions.FaceWithdraw));
        Assert.That(result.Value.Receipt.Deleted, Is.EquivalentTo(new Dictionary<string, long> { ["faceKeys"] = 1, ["faceTemplates"] = 2, ["faceConsents"] = 1 }));
        Assert.That(store.TryFindPerson("A-1", out var person), Is.True);
        Assert.That((person!.Name, person.FaceTemplateCount, person.HasFaceConsent), Is.EqualTo(("Kept Name", 0, false)));
        Assert.That(store.TryReportPerson("A-1", out var report) && report.DataKeys.Select(k => k.Purpose).SequenceEqual(["Identity"]), Is.True);
        Assert.That(store.LoadFaceTemplates(StoreSandbox.ModelId).Templates, Is.Empty);
    }

    [Test]
    public void Withdrawing_an_unknown_person_is_refused_without_a_receipt()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();

        var result = store.WithdrawFaceWithReceipt("NOPE-1");

        Assert.That(result.Refusal!.Message, Does.Contain("'NOPE-1' does not exist"));
        Assert.That(Directory.Exists(Path.Combine(sandbox.DataDirectory, "receipts")), Is.False);
    }
}
