using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Persons;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Faces;

/// <summary>Face enrolment under consent, and withdrawal, each audited inside the caller's transaction.</summary>
internal static class FaceLifecycle
{
    /// <summary>Null when the person does not exist; nothing is written then.</summary>
    public static FaceEnrolment? Enrol(
        SqliteTransaction transaction, MasterKey master, string personId, IReadOnlyList<float[]> embeddings, string modelId, ConsentRecord consent, DateTimeOffset now)
    {
        if (!PersonRecords.Exists(transaction, personId))
        {
            return null;
        }

        var (consentId, stored) = FaceRecords.Insert(transaction, master, personId, embeddings, modelId, consent, now);
        var superseded = FaceRecords.DeleteOtherModels(transaction, personId, modelId);
        // The consent's personal text is sealed; the audit keeps only its id and date.
        AuditTrail.Append(transaction, now, AuditKind.FaceConsentRecorded, personId,
            $"face consent #{consentId} recorded, given at {StoreTime.Format(consent.ConsentedAt)}");
        var audit = AuditTrail.Append(transaction, now, AuditKind.FaceEnrolled, personId,
            $"{stored} face templates enrolled for model {modelId} under consent #{consentId}"
            + (superseded > 0 ? $"; {superseded} templates of other embedder models deleted" : ""));
        return new FaceEnrolment(personId, consentId, stored, modelId, now, audit, superseded);
    }

    /// <summary>
    /// Destroys the face key first, then templates and consents; the identity key, name, cards and PIN
    /// stay. Null when the person does not exist. The caller checkpoints after commit.
    /// </summary>
    public static FaceWithdrawal? Withdraw(SqliteTransaction transaction, string personId, DateTimeOffset now)
    {
        if (!PersonRecords.Exists(transaction, personId))
        {
            return null;
        }

        var keys = PersonKeyRing.Destroy(transaction, personId, KeyPurpose.Face);
        var (templates, consents) = FaceRecords.Delete(transaction, personId);
        var audit = AuditTrail.Append(transaction, now, AuditKind.FaceWithdrawn, personId,
            $"face withdrawn: {keys} face key destroyed, {templates} face templates and {consents} face consents deleted");
        return new FaceWithdrawal(personId, now, keys, templates, consents, audit, Checkpointed: false);
    }
}
