using System.Collections.Frozen;
using GateController.Core.Credentials;

namespace GateController.Storage.Credentials;

/// <summary>
/// An immutable in-memory snapshot of every card and PIN tag, swapped whole on each change, so the
/// decision thread reads it without locks and never touches SQLite.
/// </summary>
internal sealed class CredentialIndex(FrozenDictionary<UInt128, string> cards, FrozenDictionary<UInt128, PinMatch> pins)
{
    public static CredentialIndex Empty { get; } = new(FrozenDictionary<UInt128, string>.Empty, FrozenDictionary<UInt128, PinMatch>.Empty);

    public FrozenDictionary<UInt128, string> Cards { get; } = cards;

    public FrozenDictionary<UInt128, PinMatch> Pins { get; } = pins;

    public static CredentialIndex From(IEnumerable<(byte[] Tag, string PersonId)> cards, IEnumerable<(byte[] Tag, string PersonId, bool Duress)> pins) => new(
        cards.ToFrozenDictionary(c => CredentialTags.Key(c.Tag), c => c.PersonId),
        pins.ToFrozenDictionary(p => CredentialTags.Key(p.Tag), p => new PinMatch(p.PersonId, p.Duress)));
}
