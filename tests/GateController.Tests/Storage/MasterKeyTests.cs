using System.Runtime.Versioning;
using System.Security.Cryptography;
using GateController.Storage.Keys;
using GateController.Storage.Store;

namespace GateController.Tests.Storage;

// Key file modes are Unix modes; the daemon and these tests run on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class MasterKeyTests
{
    [Test]
    public void Another_master_key_is_refused_with_a_message_naming_the_key_and_the_store()
    {
        using var sandbox = new StoreSandbox();
        sandbox.Open().Dispose();
        sandbox.WriteKeyFile(RandomNumberGenerator.GetBytes(32), StoreSandbox.OwnerOnly);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreKeyException>().With.Message
            .Contains("does not open the store").And.Message.Contains(sandbox.KeyFile).And.Message.Contains(sandbox.DatabaseFile));
    }

    [TestCase(UnixFileMode.GroupRead, "0640")]
    [TestCase(UnixFileMode.OtherRead, "0604")]
    [TestCase(UnixFileMode.GroupWrite, "0620")]
    public void A_key_file_open_to_group_or_others_is_refused(UnixFileMode extra, string shownMode)
    {
        using var sandbox = new StoreSandbox();
        File.SetUnixFileMode(sandbox.KeyFile, StoreSandbox.OwnerOnly | extra);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreKeyException>().With.Message
            .Contains($"mode {shownMode}").And.Message.Contains("chmod 600"));
        Assert.That(File.Exists(sandbox.DatabaseFile), Is.False, "nothing is created with an unsafe key");
    }

    [TestCase(16)]
    [TestCase(33)]
    public void A_key_file_of_the_wrong_length_is_refused(int length)
    {
        using var sandbox = new StoreSandbox();
        sandbox.WriteKeyFile(new byte[length], StoreSandbox.OwnerOnly);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreKeyException>().With.Message.Contains($"is {length} bytes; expected exactly 32"));
    }

    [Test]
    public void A_missing_key_file_is_refused_outside_development_mode()
    {
        using var sandbox = new StoreSandbox(withKeyFile: false);

        Assert.That(() => sandbox.Open(), Throws.TypeOf<StoreKeyException>().With.Message.Contains("does not exist"));
        Assert.That(File.Exists(sandbox.KeyFile), Is.False);
    }

    [Test]
    public void A_development_key_is_created_with_mode_0600_for_a_new_store_and_reused_after()
    {
        using var sandbox = new StoreSandbox(withKeyFile: false);
        var development = new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: true);

        using (var created = sandbox.Open(development))
        {
            Assert.That(created.Opening.CreatedDevelopmentKey, Is.True);
            Assert.That(created.Opening.CreatedStore, Is.True);
            created.AddPerson("A-1", "One");
        }

        Assert.That(File.GetUnixFileMode(sandbox.KeyFile), Is.EqualTo(StoreSandbox.OwnerOnly));
        Assert.That(new FileInfo(sandbox.KeyFile).Length, Is.EqualTo(32));
        Assert.That(File.GetUnixFileMode(sandbox.DatabaseFile), Is.EqualTo(StoreSandbox.OwnerOnly), "the store file is owner-only too");
        using var reopened = sandbox.Open(development);
        Assert.That(reopened.Opening.CreatedDevelopmentKey, Is.False);
        Assert.That(reopened.ListPersons().Single().Name, Is.EqualTo("One"));
    }

    [Test]
    public void A_development_key_is_never_created_over_an_existing_store()
    {
        using var sandbox = new StoreSandbox();
        sandbox.Open().Dispose();
        File.Delete(sandbox.KeyFile);

        Assert.That(() => sandbox.Open(new KeyFileSource(sandbox.KeyFile, createDevelopmentKey: true)),
            Throws.TypeOf<StoreKeyException>().With.Message.Contains("never created over an existing store"));
        Assert.That(File.Exists(sandbox.KeyFile), Is.False);
    }

    [Test]
    public void The_systemd_credential_is_chosen_when_CREDENTIALS_DIRECTORY_holds_master_key()
    {
        using var sandbox = new StoreSandbox();
        var credentials = Path.Combine(sandbox.DataDirectory, "credentials");
        Directory.CreateDirectory(credentials);
        var credential = Path.Combine(credentials, SystemdCredentialSource.CredentialName);
        File.Copy(sandbox.KeyFile, credential);
        File.SetUnixFileMode(credential, UnixFileMode.UserRead);
        sandbox.Open().Dispose();

        var source = MasterKeySources.FromEnvironment(sandbox.Options, name => name == "CREDENTIALS_DIRECTORY" ? credentials : null);
        var fallback = MasterKeySources.FromEnvironment(sandbox.Options, _ => null);

        Assert.That(source, Is.TypeOf<SystemdCredentialSource>());
        Assert.That(fallback, Is.TypeOf<KeyFileSource>());
        using var store = sandbox.Open(source);
        Assert.That(store.Opening.KeySource, Does.Contain("systemd credential"));
    }

    [Test]
    public void Store_options_without_a_data_directory_fail_validation()
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions());

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(nameof(StoreOptions.DataDirectory)));
    }

    [Test]
    public void The_master_key_file_defaults_to_master_key_in_the_data_directory()
    {
        var options = new StoreOptions { DataDirectory = "/var/lib/gate" };

        Assert.That(options.ResolvedMasterKeyFile, Is.EqualTo("/var/lib/gate/master.key"));
    }
}
