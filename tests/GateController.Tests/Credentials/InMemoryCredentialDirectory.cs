using System.Diagnostics.CodeAnalysis;
using GateController.Core.Access;
using GateController.Core.Credentials;

namespace GateController.Tests.Credentials;

/// <summary>
/// A card and PIN index in memory, for tests of the verifiers and readers; the daemon uses the store's
/// <c>StoredCredentialDirectory</c>. Thread-safe: enrolment writes while the decision thread reads.
/// </summary>
internal sealed class InMemoryCredentialDirectory(PinHasher hasher) : ICredentialDirectory
{
    public const string RawFormat = CardNumber.RawFormat;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Format, uint? Facility, ulong Number), string> _cardsByNumber = [];
    private readonly Dictionary<(int BitCount, ulong RawBits), string> _cardsByRawFrame = [];
    private readonly Dictionary<string, PersonPins> _pins = new(StringComparer.Ordinal);

    /// <summary>Gives <paramref name="card"/> to <paramref name="personId"/>; false when another person holds it.</summary>
    public bool TryAddCard(string personId, CardNumber card)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        lock (_gate)
        {
            if (TryFindCardHolderLocked(card, out var holder))
            {
                return holder == personId;
            }

            if (card.Format == RawFormat)
            {
                _cardsByRawFrame.Add((card.BitCount, card.RawBits), personId);
            }
            else
            {
                _cardsByNumber.Add((card.Format, card.Facility, card.Number), personId);
            }

            return true;
        }
    }

    public bool RemoveCard(CardNumber card)
    {
        lock (_gate)
        {
            return card.Format == RawFormat
                ? _cardsByRawFrame.Remove((card.BitCount, card.RawBits))
                : _cardsByNumber.Remove((card.Format, card.Facility, card.Number));
        }
    }

    public bool TryFindCardHolder(CardNumber card, [NotNullWhen(true)] out string? personId)
    {
        lock (_gate)
        {
            return TryFindCardHolderLocked(card, out personId);
        }
    }

    /// <summary>Sets the everyday PIN after the trivial-PIN policy and the uniqueness check.</summary>
    public PinPolicyResult SetPin(string personId, ReadOnlySpan<char> pin) => Set(personId, pin, duress: false);

    /// <summary>Sets the duress PIN: it opens the door like the normal one and raises a silent alert.</summary>
    public PinPolicyResult SetDuressPin(string personId, ReadOnlySpan<char> pin) => Set(personId, pin, duress: true);

    public bool ClearPins(string personId)
    {
        lock (_gate)
        {
            return _pins.Remove(personId);
        }
    }

    /// <summary>
    /// Checks every stored hash without stopping at the first match, so the time taken does not say
    /// whose PIN it was. Linear: about 2 HMACs per person; for very large sites index by a keyed tag instead.
    /// </summary>
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

        lock (_gate)
        {
            var match = PinMatch.None;
            foreach (var (personId, pins) in _pins)
            {
                var normal = pins.Normal is not null && hasher.Verify(pin, pins.Normal);
                var duress = pins.Duress is not null && hasher.Verify(pin, pins.Duress);
                if (normal | duress)
                {
                    match = new PinMatch(personId, duress);
                }
            }

            return match;
        }
    }

    private PinPolicyResult Set(string personId, ReadOnlySpan<char> pin, bool duress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var policy = PinPolicy.Check(pin);
        if (policy != PinPolicyResult.Acceptable)
        {
            return policy;
        }

        lock (_gate)
        {
            var existing = MatchPin(pin);
            var ownOtherPin = existing.PersonId == personId && existing.IsDuress != duress;
            if (existing.IsMatch && (existing.PersonId != personId || ownOtherPin))
            {
                return PinPolicyResult.InUse;
            }

            var pins = _pins.TryGetValue(personId, out var current) ? current : new PersonPins(null, null);
            var hash = hasher.Hash(pin);
            _pins[personId] = duress ? pins with { Duress = hash } : pins with { Normal = hash };
            return PinPolicyResult.Acceptable;
        }
    }

    private bool TryFindCardHolderLocked(CardNumber card, [NotNullWhen(true)] out string? personId) =>
        _cardsByNumber.TryGetValue((card.Format, card.Facility, card.Number), out personId)
        || _cardsByRawFrame.TryGetValue((card.BitCount, card.RawBits), out personId);

    private sealed record PersonPins(PinHash? Normal, PinHash? Duress);
}
