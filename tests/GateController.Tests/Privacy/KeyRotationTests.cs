using System.Security.Cryptography;
using GateController.Core.Receipts;
using GateController.Storage.Keys;
using GateController.Tests.Storage;

namespace GateController.Tests.Privacy;

public sealed class KeyRotationTests
{
    [Test]
    public void After_rotation_everything_reads_with_the_new_key_and_the_old_key_is_refused()
    {
        using var sandbox = new StoreSandbox();
        var oldKey = File.ReadAllBytes(sandbox.KeyFile);
        byte[] devicePublicKey;
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Rotated Person");
            store.AddFaceTemplates("A-1", [StoreSandbox.Embedding(1)], StoreSandbox.ModelId, StoreSandbox.Consent(sandbox.Time.GetUtcNow()));
            store.AddPerson("B-2", "Other Person");
            devicePublicKey = store.DevicePublicKey();

            var rotation = store.RotateMasterKey(new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false));

            Assert.That((rotation.DataKeysRewrapped, rotation.MetaRecordsRewrapped), Is.EqualTo((3, 3)), "3 data keys; key check, device key and the pseudonym key (made when the first person was logged)");
            Assert.That(rotation.OperatorAction, Is.Empty);
            Assert.That(store.TryFindPerson("A-1", out var live) && live.Name == "Rotated Person", Is.True, "the running store uses the new key at once");
            Assert.That(store.DeletePersonWithReceipt("B-2").Succeeded, Is.True);
        }

        var newKey = File.ReadAllBytes(sandbox.KeyFile);
        Assert.That(newKey, Is.Not.EqualTo(oldKey));
        Assert.That(File.GetUnixFileMode(sandbox.KeyFile), Is.EqualTo(StoreSandbox.OwnerOnly));
        Assert.That(File.Exists(sandbox.KeyFile + ".new"), Is.False);
        using (var reopened = sandbox.Open())
        {
            Assert.That(reopened.TryFindPerson("A-1", out var person) && person.Name == "Rotated Person", Is.True);
            Assert.That(reopened.LoadFaceTemplates(StoreSandbox.ModelId).Templates, Has.Count.EqualTo(1));
            Assert.That(reopened.DevicePublicKey(), Is.EqualTo(devicePublicKey), "the signing key is re-wrapped, not replaced");
            Assert.That(reopened.VerifyAudit().IsValid, Is.True);
            Assert.That(reopened.RecentAudit(2)[0].Kind, Is.EqualTo("MasterKeyRotated"));
        }

        sandbox.WriteKeyFile(oldKey, StoreSandbox.OwnerOnly);
        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreKeyException>().With.Message.Contains("does not open the store"));
    }

    [Test]
    public void A_crash_after_commit_but_before_the_key_file_was_replaced_is_completed_at_the_next_open()
    {
        using var sandbox = new StoreSandbox();
        var oldKey = File.ReadAllBytes(sandbox.KeyFile);
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Crash Person");
            store.RotateMasterKey(new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false));
        }

        // Recreate the state between commit and rename: new key pending, old key still installed.
        File.Move(sandbox.KeyFile, sandbox.KeyFile + ".new");
        sandbox.WriteKeyFile(oldKey, StoreSandbox.OwnerOnly);

        using var reopened = sandbox.Open();
        Assert.That(reopened.TryFindPerson("A-1", out _), Is.True);
        Assert.That(File.Exists(sandbox.KeyFile + ".new"), Is.False);
        Assert.That(File.ReadAllBytes(sandbox.KeyFile), Is.Not.EqualTo(oldKey));
    }

    [Test]
    public void A_crash_before_commit_leaves_the_old_key_valid_and_the_stale_pending_key_is_removed()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Crash Person");
        }

        File.WriteAllBytes(sandbox.KeyFile + ".new", RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(sandbox.KeyFile + ".new", StoreSandbox.OwnerOnly);

        using var reopened = sandbox.Open();
        Assert.That(reopened.TryFindPerson("A-1", out _), Is.True);
        Assert.That(File.Exists(sandbox.KeyFile + ".new"), Is.False);
    }

    [Test]
    public void With_a_systemd_credential_the_new_key_is_left_for_the_operator_to_seal()
    {
        using var sandbox = new StoreSandbox();
        var credentials = Directory.CreateDirectory(Path.Combine(sandbox.DataDirectory, "creds")).FullName;
        File.Copy(sandbox.KeyFile, Path.Combine(credentials, SystemdCredentialSource.CredentialName));
        File.SetUnixFileMode(Path.Combine(credentials, SystemdCredentialSource.CredentialName), StoreSandbox.OwnerOnly);
        var source = new SystemdCredentialSource(credentials);
        using (var store = sandbox.Open(source))
        {
            store.AddPerson("A-1", "Credential Person");
            var rotation = store.RotateMasterKey(source);

            Assert.That(rotation.NewKeyFile, Is.EqualTo(Path.Combine(sandbox.DataDirectory, "master-key.new")));
            Assert.That(rotation.OperatorAction, Does.Contain("systemd-creds encrypt --name=master-key"));
        }

        // Restarted before the operator sealed it: runs on the pending file rather than failing.
        using (var restarted = sandbox.Open(source))
        {
            Assert.That(restarted.TryFindPerson("A-1", out _), Is.True);
        }

        // The operator sealed it: the plaintext copy goes.
        File.Copy(Path.Combine(sandbox.DataDirectory, "master-key.new"), Path.Combine(credentials, SystemdCredentialSource.CredentialName), overwrite: true);
        using (var sealedStore = sandbox.Open(source))
        {
            Assert.That(sealedStore.TryFindPerson("A-1", out _), Is.True);
        }

        Assert.That(File.Exists(Path.Combine(sandbox.DataDirectory, "master-key.new")), Is.False);
    }

    [Test]
    public void Receipts_signed_before_rotation_still_verify_against_the_device_key()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Person");
        var receipt = store.DeletePersonWithReceipt("A-1").Value!;

        store.RotateMasterKey(new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false));

        Assert.That(ReceiptVerifier.Verify(ReceiptJson.Write(receipt.Signed), store.DevicePublicKey()).IsValid, Is.True);
    }

    [Test]
    public void Cards_and_pins_still_open_the_door_after_rotation_because_the_pepper_is_rewrapped()
    {
        using var sandbox = new StoreSandbox();
        var card = new GateController.Core.Access.CardNumber("H10301", 13, 13067, 26, 0);
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Card Holder");
            Assert.That(store.AddCard("A-1", card).Succeeded, Is.True);
            Assert.That(store.SetPin("A-1", "4826", duress: false).Succeeded, Is.True);
            _ = store.DevicePublicKey();

            var rotation = store.RotateMasterKey(new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: false));

            Assert.That(rotation.MetaRecordsRewrapped, Is.EqualTo(4), "key check, device key, credential pepper and the pseudonym key");
        }

        using var reopened = sandbox.Open();
        using var directory = new GateController.Storage.Credentials.StoredCredentialDirectory(reopened);
        Assert.That(directory.TryFindCardHolder(card, out var holder) ? holder : null, Is.EqualTo("A-1"));
        Assert.That(directory.MatchPin("4826").PersonId, Is.EqualTo("A-1"));
    }
}
