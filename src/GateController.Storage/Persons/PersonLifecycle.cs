using GateController.Storage.AccessRules;
using GateController.Storage.Audit;
using GateController.Storage.Credentials;
using GateController.Storage.Faces;
using GateController.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Persons;

/// <summary>Adding and erasing a person, each with its audit row, inside the caller's transaction.</summary>
internal static class PersonLifecycle
{
    /// <summary>False when the id is taken; nothing is written then.</summary>
    public static bool TryAdd(SqliteTransaction transaction, MasterKey master, string id, string name, DateTimeOffset now)
    {
        if (PersonRecords.Exists(transaction, id))
        {
            return false;
        }

        PersonRecords.Insert(transaction, master, id, name, now);
        AuditTrail.Append(transaction, now, AuditKind.PersonAdded, id, "person added");
        return true;
    }

    /// <summary>
    /// Crypto-erasure order: the wrapped data keys first (overwritten, then deleted), then face rows,
    /// cards, PINs and the access record (each kind counted, for the receipt), then the person. Null when the person does not exist. The caller checkpoints after commit.
    /// </summary>
    public static PersonErasure? Erase(SqliteTransaction transaction, string id, DateTimeOffset now)
    {
        if (!PersonRecords.Exists(transaction, id))
        {
            return null;
        }

        var keys = PersonKeyRing.Destroy(transaction, id, purpose: null);
        var (templates, consents) = FaceRecords.Delete(transaction, id);
        var cards = CardRecords.DeleteAll(transaction, id);
        var normalPins = PinRecords.Delete(transaction, id, PinRecords.KindName(duress: false));
        var duressPins = PinRecords.Delete(transaction, id, PinRecords.KindName(duress: true));
        var (memberships, validity) = PersonAccessRecords.Delete(transaction, id);
        PersonRecords.Delete(transaction, id);
        var audit = AuditTrail.Append(transaction, now, AuditKind.PersonDeleted, id,
            $"person deleted: {keys} data keys destroyed, {templates} face templates, {consents} face consents, {cards} cards, {normalPins + duressPins} PINs, " +
            $"{memberships} group memberships and {validity} validity periods deleted");
        return new PersonErasure(id, now, keys, templates, consents, cards, normalPins, duressPins, memberships, validity, audit, Checkpointed: false);
    }
}
