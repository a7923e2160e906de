using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Storage.Audit;
using GateController.Storage.Credentials;
using GateController.Storage.Database;
using GateController.Storage.Persons;

namespace GateController.Storage.Store;

/// <summary>Cards and PINs (schema step 2): enrolment, removal, and the tag index for the verifiers.</summary>
public sealed partial class GateStore
{
    /// <summary>The tag keys (a copy of the credential pepper, created on first use). The caller disposes it.</summary>
    public CredentialTags OpenCredentialTags() => _database.Write(transaction => CredentialPepper.LoadOrCreate(transaction, _masterKey));

    /// <summary>Gives <paramref name="card"/> to an existing person. A card belongs to one person; adding it again to its holder changes nothing.</summary>
    public StoreResult<CredentialChange> AddCard(string personId, CardNumber card)
    {
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<CredentialChange>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var now = _time.GetUtcNow();
        var detail = CardDetail(card);
        var outcome = _database.Write<(CredentialChange? Change, string? Holder)>(transaction =>
        {
            if (!PersonRecords.Exists(transaction, personId))
            {
                return (null, null);
            }

            using var tags = CredentialPepper.LoadOrCreate(transaction, _masterKey);
            var tag = tags.CardTag(card);
            if (CardRecords.Holder(transaction, tag) is { } holder)
            {
                return (null, holder);
            }

            CardRecords.Insert(transaction, _masterKey, personId, card, tag, now);
            var audit = AuditTrail.Append(transaction, now, AuditKind.CardAdded, personId, $"card added: {detail}");
            return (new CredentialChange(personId, detail, 1, audit), null);
        });
        if (outcome.Change is { } change)
        {
            Log.CardAdded(_logger, Pseudonyms.Of(personId), detail);
            Announce(StoreChanges.Credentials, personId);
            return StoreResult<CredentialChange>.Done(change);
        }

        return outcome.Holder switch
        {
            null => Refuse<CredentialChange>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist; add the person before giving them a card."),
            var holder when holder == personId => StoreResult<CredentialChange>.Done(new CredentialChange(personId, detail, 0, 0)),
            _ => Refuse<CredentialChange>(StoreRefusalReason.CardInUse, personId,
                $"Card {card} already belongs to another person; remove it from them first (a card belongs to one person)."),
        };
    }

    public StoreResult<CredentialChange> RemoveCard(string personId, CardNumber card)
    {
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<CredentialChange>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var now = _time.GetUtcNow();
        var detail = CardDetail(card);
        var change = _database.Write(transaction =>
        {
            using var tags = CredentialPepper.LoadOrCreate(transaction, _masterKey);
            if (CardRecords.Delete(transaction, personId, tags.CardTag(card)) == 0)
            {
                return null;
            }

            var audit = AuditTrail.Append(transaction, now, AuditKind.CardRemoved, personId, $"card removed: {detail}");
            return new CredentialChange(personId, detail, 1, audit);
        });
        if (change is null)
        {
            return Refuse<CredentialChange>(StoreRefusalReason.CardNotFound, personId, $"Person '{personId}' holds no card {card}.");
        }

        CheckpointAfterErasure(personId);
        Log.CardRemoved(_logger, Pseudonyms.Of(personId), detail);
        Announce(StoreChanges.Credentials, personId);
        return StoreResult<CredentialChange>.Done(change);
    }

    /// <summary>
    /// Sets the person's everyday or duress PIN after the trivial-PIN policy. PINs are unique across
    /// everyone (a PIN names its holder), so a PIN already in use is refused without saying whose it is.
    /// </summary>
    public StoreResult<CredentialChange> SetPin(string personId, ReadOnlySpan<char> pin, bool duress)
    {
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<CredentialChange>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var policy = PinPolicy.Check(pin);
        if (policy != PinPolicyResult.Acceptable)
        {
            return Refuse<CredentialChange>(StoreRefusalReason.PinRefused, personId, PinRefusal(policy));
        }

        var now = _time.GetUtcNow();
        var kind = PinRecords.KindName(duress);
        using var tags = OpenCredentialTags();
        var tag = tags.PinTag(pin);
        var outcome = _database.Write<(CredentialChange? Change, bool InUse)>(transaction =>
        {
            if (!PersonRecords.Exists(transaction, personId))
            {
                return (null, false);
            }

            if (PinRecords.Owner(transaction, tag) is { } owner && (owner.PersonId != personId || owner.Duress != duress))
            {
                return (null, true);
            }

            PinRecords.Upsert(transaction, personId, duress, tag, now);
            var audit = AuditTrail.Append(transaction, now, AuditKind.PinSet, personId, $"{kind} PIN set");
            return (new CredentialChange(personId, kind, 1, audit), false);
        });
        if (outcome.Change is { } change)
        {
            Log.PinSet(_logger, Pseudonyms.Of(personId), kind);
            Announce(StoreChanges.Credentials, personId);
            return StoreResult<CredentialChange>.Done(change);
        }

        return outcome.InUse
            ? Refuse<CredentialChange>(StoreRefusalReason.PinRefused, personId, PinRefusal(PinPolicyResult.InUse))
            : Refuse<CredentialChange>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist; add the person before setting a PIN.");
    }

    /// <summary>Clears the person's everyday and duress PINs.</summary>
    public StoreResult<CredentialChange> ClearPins(string personId)
    {
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<CredentialChange>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var now = _time.GetUtcNow();
        var change = _database.Write(transaction =>
        {
            var deleted = PinRecords.Delete(transaction, personId, kind: null);
            if (deleted == 0)
            {
                return null;
            }

            var audit = AuditTrail.Append(transaction, now, AuditKind.PinCleared, personId, $"{deleted} PIN(s) cleared");
            return new CredentialChange(personId, "normal and duress", deleted, audit);
        });
        if (change is null)
        {
            return Refuse<CredentialChange>(StoreRefusalReason.PinNotSet, personId, $"Person '{personId}' has no PIN (or does not exist).");
        }

        Log.PinsCleared(_logger, Pseudonyms.Of(personId), change.RowsChanged);
        Announce(StoreChanges.Credentials, personId);
        return StoreResult<CredentialChange>.Done(change);
    }

    /// <summary>How many cards and PINs are stored.</summary>
    public (long Cards, long Pins) CountCredentials() => _database.Read(transaction => (
        transaction.Scalar<long>("SELECT COUNT(*) FROM cards"),
        transaction.Scalar<long>("SELECT COUNT(*) FROM pins")));

    internal CredentialIndex LoadCredentialIndex() =>
        _database.Read(transaction => CredentialIndex.From(CardRecords.LoadTags(transaction), PinRecords.LoadTags(transaction)));

    private static string CardDetail(CardNumber card) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{card.Format}, {card.BitCount} bits");

    private static string PinRefusal(PinPolicyResult policy) => policy switch
    {
        PinPolicyResult.TooShort or PinPolicyResult.TooLong or PinPolicyResult.NotDigits =>
            $"a PIN is {PinEntryOptions.DefaultMinimumDigits} to {PinEntryOptions.DefaultMaximumDigits} digits (0-9); the PIN was not set",
        PinPolicyResult.RepeatedDigit => "that PIN is one digit repeated (like 7777), which is guessed first; choose another",
        PinPolicyResult.Sequence => "that PIN is a run up or down the keypad (like 3456 or 8765), which is guessed first; choose another",
        PinPolicyResult.InUse => "that PIN is already in use (another resident's PIN, or this resident's other PIN); choose another",
        _ => $"the PIN was refused ({policy})",
    };
}
