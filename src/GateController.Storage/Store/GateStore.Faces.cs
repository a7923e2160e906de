using GateController.Storage.Faces;
using GateController.Storage.Persons;

namespace GateController.Storage.Store;

/// <summary>Face enrolment under consent, loading for the matcher, and withdrawal.</summary>
public sealed partial class GateStore
{
    /// <summary>
    /// Stores face templates for an existing person under a consent record. Without valid consent
    /// nothing is stored. Embeddings must share one dimension and be finite (a bug otherwise: throws).
    /// </summary>
    public StoreResult<FaceEnrolment> AddFaceTemplates(string personId, IReadOnlyList<float[]> embeddings, string embedderModelId, ConsentRecord? consent)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderModelId);
        EmbeddingCodec.Validate(embeddings, nameof(embeddings));
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<FaceEnrolment>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var now = _time.GetUtcNow();
        if (consent is null)
        {
            return Refuse<FaceEnrolment>(StoreRefusalReason.ConsentRequired, personId,
                $"Face enrolment of person '{personId}' needs a consent record (who consented, when, how, and the operator); nothing was stored.");
        }

        if (consent.Problem(now) is { } problem)
        {
            return Refuse<FaceEnrolment>(StoreRefusalReason.InvalidConsent, personId, $"Face enrolment of person '{personId}' refused: {problem} Nothing was stored.");
        }

        var enrolment = _database.Write(transaction => FaceLifecycle.Enrol(transaction, _masterKey, personId, embeddings, embedderModelId, consent, now));
        if (enrolment is null)
        {
            return Refuse<FaceEnrolment>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist; add the person before enrolling a face.");
        }

        Log.FaceEnrolled(_logger, Pseudonyms.Of(personId), enrolment.TemplatesStored, embedderModelId, enrolment.ConsentId);
        if (enrolment.OtherModelTemplatesDeleted > 0)
        {
            CheckpointAfterErasure(personId);
        }

        return StoreResult<FaceEnrolment>.Done(enrolment);
    }

    /// <summary>
    /// Decrypted templates for the in-memory matcher. Damaged records are reported, logged and left out;
    /// templates of other embedder models are only counted (in the same read), never opened.
    /// </summary>
    public FaceTemplateLoad LoadFaceTemplates(string embedderModelId)
    {
        var collector = new FaceTemplateReader.Collector();
        var scan = LoadFaceTemplates(embedderModelId, collector);
        return new FaceTemplateLoad(collector.Templates, scan.Damaged, scan.OtherModelTemplates, scan.OtherModelPersons);
    }

    /// <summary>
    /// <see cref="LoadFaceTemplates(string)"/> streamed: each decrypted template goes to <paramref name="sink"/> and is
    /// zeroed, so a large store is never held twice in memory. Damaged records are logged and left out as there.
    /// </summary>
    public FaceTemplateScan LoadFaceTemplates(string embedderModelId, IFaceTemplateSink sink)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderModelId);
        ArgumentNullException.ThrowIfNull(sink);
        var scan = _database.Read(transaction => FaceTemplateReader.Scan(transaction, _masterKey, embedderModelId, sink));
        foreach (var damaged in scan.Damaged)
        {
            Log.TemplateDamaged(_logger, damaged.RecordId, Pseudonyms.Of(damaged.PersonId), damaged.Message);
        }

        Log.TemplatesLoaded(_logger, scan.Loaded, embedderModelId, scan.OtherModelTemplates);
        return scan;
    }

    /// <summary>Templates, and their persons, stored under any embedder model but <paramref name="embedderModelId"/>; none is opened.</summary>
    public (int Templates, int Persons) CountOtherModelTemplates(string embedderModelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderModelId);
        return _database.Read(transaction => FaceRecords.CountOtherModels(transaction, embedderModelId));
    }

    /// <summary>
    /// Withdraws face consent: destroys the person's face key, then deletes their templates and face
    /// consents. The person, name, cards and PIN stay.
    /// </summary>
    public StoreResult<FaceWithdrawal> WithdrawFace(string personId)
    {
        if (!PersonId.IsValid(personId))
        {
            return StoreResult<FaceWithdrawal>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(personId));
        }

        var now = _time.GetUtcNow();
        var withdrawal = _database.Write(transaction => FaceLifecycle.Withdraw(transaction, personId, now));
        if (withdrawal is null)
        {
            return Refuse<FaceWithdrawal>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist.");
        }

        withdrawal = withdrawal with { Checkpointed = CheckpointAfterErasure(personId) };
        Log.FaceWithdrawn(_logger, Pseudonyms.Of(personId), withdrawal.DataKeysDestroyed, withdrawal.FaceTemplatesDeleted, withdrawal.FaceConsentsDeleted);
        return StoreResult<FaceWithdrawal>.Done(withdrawal);
    }
}
