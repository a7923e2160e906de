using System.Text;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Storage.Credentials;
using GateController.Storage.Store;

namespace GateController.Tests.Storage;

/// <summary>Cards and PINs in the real store (schema step 2): round trip, nothing in the clear on disk, erasure.</summary>
public sealed class CredentialStoreTests
{
    private static readonly CardNumber Card = new("H10301", 13, 13067, 26, 0);
    private static readonly CardNumber OtherCard = new("H10301", 13, 13068, 26, 0);

    [Test]
    public void A_card_added_to_a_person_is_found_by_the_directory_and_gone_after_removal()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Card Holder");
        using var directory = new StoredCredentialDirectory(store);

        Assert.That(store.AddCard("A-1", Card).Succeeded, Is.True);
        directory.Reload();

        Assert.That(directory.TryFindCardHolder(Card, out var holder), Is.True);
        Assert.That(holder, Is.EqualTo("A-1"));
        Assert.That(directory.TryFindCardHolder(OtherCard, out _), Is.False);

        Assert.That(store.RemoveCard("A-1", Card).Succeeded, Is.True);
        directory.Reload();
        Assert.That(directory.TryFindCardHolder(Card, out _), Is.False);
        Assert.That(store.RemoveCard("A-1", Card).Refusal!.Reason, Is.EqualTo(StoreRefusalReason.CardNotFound));
    }

    [Test]
    public void A_card_belongs_to_one_person()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "First");
        store.AddPerson("B-2", "Second");
        store.AddCard("A-1", Card);

        var second = store.AddCard("B-2", Card);

        Assert.That(second.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.CardInUse));
        Assert.That(second.Refusal.Message, Does.Not.Contain("13067"));
        Assert.That(store.AddCard("A-1", Card).Succeeded, Is.True, "adding again to the holder is a no-op");
        Assert.That(store.AddCard("Z-9", OtherCard).Refusal!.Reason, Is.EqualTo(StoreRefusalReason.PersonNotFound));
    }

    [Test]
    public void A_raw_enrolment_matches_the_same_frame_read_under_a_format()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Raw Holder");
        var read = new CardNumber("H10301", 13, 13067, 26, 0x2A0330A);
        store.AddCard("A-1", new CardNumber(CardCanonicalForm.RawFormat, null, 0x2A0330A, 26, 0x2A0330A));
        using var directory = new StoredCredentialDirectory(store);

        Assert.That(directory.TryFindCardHolder(read, out var holder) ? holder : null, Is.EqualTo("A-1"));
    }

    [Test]
    public void Pins_round_trip_with_duress_and_survive_a_restart()
    {
        using var sandbox = new StoreSandbox();
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Pin Holder");
            Assert.That(store.SetPin("A-1", "2580", duress: false).Succeeded, Is.True);
            Assert.That(store.SetPin("A-1", "1397", duress: true).Succeeded, Is.True);
        }

        using var reopened = sandbox.Open();
        using var directory = new StoredCredentialDirectory(reopened);

        Assert.That(directory.MatchPin("2580"), Is.EqualTo(new PinMatch("A-1", false)));
        Assert.That(directory.MatchPin("1397"), Is.EqualTo(new PinMatch("A-1", true)));
        Assert.That(directory.MatchPin("2581").IsMatch, Is.False);
        Assert.That(reopened.ClearPins("A-1").Value!.RowsChanged, Is.EqualTo(2));
        directory.Reload();
        Assert.That(directory.MatchPin("2580").IsMatch, Is.False);
        Assert.That(reopened.VerifyAudit().IsValid, Is.True);
    }

    [TestCase("1234")]
    [TestCase("0000")]
    [TestCase("987")]
    [TestCase("123456789")]
    public void Trivial_or_badly_sized_pins_are_refused_with_a_message_that_does_not_repeat_them(string pin)
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Pin Holder");

        var result = store.SetPin("A-1", pin, duress: false);

        Assert.That(result.Refusal!.Reason, Is.EqualTo(StoreRefusalReason.PinRefused));
        Assert.That(result.Refusal.Message, Does.Not.Contain(pin));
    }

    [Test]
    public void A_pin_in_use_by_another_person_or_as_the_own_duress_pin_is_refused()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "First");
        store.AddPerson("B-2", "Second");
        store.SetPin("A-1", "2580", duress: false);

        Assert.That(store.SetPin("B-2", "2580", duress: false).Refusal!.Message, Does.Contain("already in use"));
        Assert.That(store.SetPin("A-1", "2580", duress: true).Refusal!.Reason, Is.EqualTo(StoreRefusalReason.PinRefused));
        Assert.That(store.SetPin("A-1", "2580", duress: false).Succeeded, Is.True, "setting the same PIN again is allowed");
    }

    [Test]
    public void Neither_the_card_number_nor_the_pin_appears_in_any_file_of_the_data_directory()
    {
        using var sandbox = new StoreSandbox();
        var card = new CardNumber("H10306", 4242, 31337, 34, 0);
        using (var store = sandbox.Open())
        {
            store.AddPerson("A-1", "Secretive");
            store.AddCard("A-1", card);
            store.SetPin("A-1", "73194", duress: false);
            Assert.That(store.CountCredentials(), Is.EqualTo((1L, 1L)));
            Assert.That(store.Health().DatabasePath, Is.EqualTo(sandbox.DatabaseFile));
        }

        foreach (var needle in new[] { "31337", "H10306:4242", "73194" })
        {
            Assert.That(sandbox.FileContaining(Encoding.UTF8.GetBytes(needle)), Is.Null, needle);
            Assert.That(sandbox.FileContaining(Encoding.Unicode.GetBytes(needle)), Is.Null, needle);
        }

        Assert.That(sandbox.ReadBlobs("SELECT card_sealed FROM cards").Single(), Has.Length.GreaterThan(16));
    }

    [Test]
    public void Erasing_a_person_deletes_their_cards_and_pins_first_and_leaves_no_sealed_card_on_disk()
    {
        using var sandbox = new StoreSandbox();
        using var store = sandbox.Open();
        store.AddPerson("A-1", "Erased");
        store.AddPerson("B-2", "Kept");
        store.AddCard("A-1", Card);
        store.AddCard("B-2", OtherCard);
        store.SetPin("A-1", "2580", duress: false);
        store.SetPin("A-1", "1397", duress: true);
        var sealedCard = sandbox.ReadBlobs("SELECT card_sealed FROM cards WHERE person_id = 'A-1'").Single();
        using var directory = new StoredCredentialDirectory(store);

        Assert.That(store.DeletePerson("A-1").Succeeded, Is.True);
        directory.Reload();

        Assert.That(directory.TryFindCardHolder(Card, out _), Is.False);
        Assert.That(directory.MatchPin("2580").IsMatch, Is.False);
        Assert.That(directory.TryFindCardHolder(OtherCard, out var kept) ? kept : null, Is.EqualTo("B-2"));
        Assert.That(store.CountCredentials(), Is.EqualTo((1L, 0L)));
        Assert.That(sandbox.FileContaining(sealedCard[..16]), Is.Null);
        Assert.That(store.RecentAudit(1).Single().Detail, Does.Contain("1 cards, 2 PINs, 0 group memberships and 0 validity periods deleted"));
        Assert.That(store.VerifyAudit().IsValid, Is.True);
    }
}
