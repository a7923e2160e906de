using System.Diagnostics.CodeAnalysis;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Storage.Store;

namespace GateController.Storage.Credentials;

/// <summary>
/// Cards and PINs for the verifiers, answered from an in-memory index of keyed tags loaded from the
/// store at start and reloaded after every card, PIN or erasure the store announces. A lookup is one or two
/// HMACs and a dictionary probe: it never reads the disk, so a slow or busy store never delays a card.
/// It holds no card number and no PIN, only tags.
/// </summary>
public sealed class StoredCredentialDirectory : ICredentialDirectory, IDisposable
{
    private readonly GateStore _store;
    private readonly CredentialTags _tags;
    private volatile CredentialIndex _index = CredentialIndex.Empty;

    public StoredCredentialDirectory(GateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _tags = store.OpenCredentialTags();
        Reload();
        store.Changed += OnChanged;
    }

    public int CardCount => _index.Cards.Count;

    public int PinCount => _index.Pins.Count;

    /// <summary>Reloads the index from the store; the store's change announcements call it.</summary>
    public void Reload() => _index = _store.LoadCredentialIndex();

    public bool TryFindCardHolder(CardNumber card, [NotNullWhen(true)] out string? personId)
    {
        var index = _index;
        if (card.Format != CardCanonicalForm.RawFormat && index.Cards.TryGetValue(_tags.CardKey(card, raw: false), out personId))
        {
            return true;
        }

        return index.Cards.TryGetValue(_tags.CardKey(card, raw: true), out personId);
    }

    public PinMatch MatchPin(ReadOnlySpan<char> pin)
    {
        if (pin.IsEmpty || pin.Length > PinEntryOptions.DefaultMaximumDigits * 2)
        {
            return PinMatch.None;
        }

        foreach (var c in pin)
        {
            if (!char.IsAsciiDigit(c))
            {
                return PinMatch.None;
            }
        }

        return _index.Pins.TryGetValue(_tags.PinKey(pin), out var match) ? match : PinMatch.None;
    }

    public void Dispose()
    {
        _store.Changed -= OnChanged;
        _tags.Dispose();
    }

    private void OnChanged(object? sender, StoreChangedEventArgs change)
    {
        if (change.Touches(StoreChanges.Credentials))
        {
            Reload();
        }
    }
}
