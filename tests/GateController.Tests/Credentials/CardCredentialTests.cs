using GateController.Core.Access;
using GateController.Core.Credentials;

namespace GateController.Tests.Credentials;

public sealed class CardCredentialTests
{
    private static readonly CardNumber Card = new("H10301", 13, 13067, 26, 0x21A6616);

    [Test]
    public void A_card_prints_masked()
    {
        Assert.That(Card.ToString(), Is.EqualTo("H10301:13:…67"));
        Assert.That(new CardCredential(Card).ToString(), Does.Not.Contain("13067"));
    }

    [Test]
    public void An_enrolled_card_grants_and_an_unknown_one_is_denied()
    {
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("alice", Card);
        var verifier = new CardVerifier(directory);

        Assert.That(verifier.Verify(new AccessAttempt("front", new CardCredential(Card), 0)), Is.EqualTo(AccessVerdict.Grant("alice", "card")));
        var other = new CardNumber("H10301", 13, 13068, 26, 0);
        Assert.That(verifier.Verify(new AccessAttempt("front", new CardCredential(other), 0)), Is.EqualTo(AccessVerdict.Deny(null, "unknown card")));
    }

    [Test]
    public void A_card_belongs_to_one_person()
    {
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);

        Assert.That(directory.TryAddCard("alice", Card), Is.True);
        Assert.That(directory.TryAddCard("bob", Card), Is.False);
    }

    [Test]
    public void A_card_enrolled_by_raw_bits_matches_the_frame_whatever_format_decodes_it()
    {
        using var hasher = new PinHasher(new byte[PinHasher.MinimumPepperBytes]);
        var directory = new InMemoryCredentialDirectory(hasher);
        directory.TryAddCard("alice", new CardNumber(InMemoryCredentialDirectory.RawFormat, null, 0x21A6616, 26, 0x21A6616));

        Assert.That(directory.TryFindCardHolder(Card, out var person), Is.True);
        Assert.That(person, Is.EqualTo("alice"));
    }
}
