using System.Diagnostics.CodeAnalysis;
using GateController.Core.Events;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Events;
using GateController.Storage.Faces;
using GateController.Storage.Keys;
using GateController.Storage.Persons;
using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>
/// The gate's persistent store: persons, face templates and consent, access events and the audit
/// chain, in SQLite under the data directory. Personal data is sealed under per-person data keys
/// wrapped by the master key. Every change commits durably with its audit row; erasure destroys the
/// data keys first. Thread-safe: one connection behind a lock.
/// </summary>
public sealed class GateStore : IDisposable
{
    private readonly StoreDatabase _database;
    private readonly MasterKey _masterKey;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private GateStore(StoreDatabase database, MasterKey masterKey, StoreOpening opening, TimeProvider time, ILogger logger)
    {
        _database = database;
        _masterKey = masterKey;
        Opening = opening;
        _time = time;
        _logger = logger;
    }

    public StoreOpening Opening { get; }

    /// <summary>
    /// Opens (or, with no <c>gate.db</c> yet, creates) the store. Throws <see cref="StoreKeyException"/>
    /// when the key is missing, unsafe or not this store's key.
    /// </summary>
    public static GateStore Open(StoreOptions options, IMasterKeySource keySource, TimeProvider time, ILogger<GateStore> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var (database, key, opening) = StoreOpener.Open(options, keySource, time.GetUtcNow());
        if (opening.CreatedDevelopmentKey)
        {
            Log.DevelopmentKeyCreated(logger, opening.KeySource);
        }

        Log.Opened(logger, opening.DatabasePath, opening.SchemaVersion, opening.KeySource, opening.CreatedStore);
        return new GateStore(database, key, opening, time, logger);
    }

    public StoreResult<Person> AddPerson(string id, string name)
    {
        if (!PersonId.IsValid(id))
        {
            return StoreResult<Person>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(id));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > PersonRecords.MaxNameLength || name.Any(char.IsControl))
        {
            // The name itself stays out of the message: refusals may be logged.
            return Refuse<Person>(StoreRefusalReason.InvalidName, id,
                $"The name for person '{id}' is {name?.Length ?? 0} characters; expected 1 to {PersonRecords.MaxNameLength} printable characters.");
        }

        var now = _time.GetUtcNow();
        var added = _database.Write(transaction =>
        {
            if (PersonRecords.Exists(transaction, id))
            {
                return false;
            }

            PersonRecords.Insert(transaction, _masterKey, id, name, now);
            AuditTrail.Append(transaction, now, AuditKind.PersonAdded, id, "person added");
            return true;
        });
        if (!added)
        {
            return Refuse<Person>(StoreRefusalReason.DuplicatePerson, id, $"Person '{id}' already exists; delete it first or choose another id.");
        }

        Log.PersonAdded(_logger, id);
        return StoreResult<Person>.Done(new Person(id, name, now, 0, false));
    }

    public bool TryFindPerson(string id, [NotNullWhen(true)] out Person? person)
    {
        person = PersonId.IsValid(id) ? _database.Read(transaction => PersonRecords.Read(transaction, _masterKey, id)).SingleOrDefault() : null;
        return person is not null;
    }

    public IReadOnlyList<Person> ListPersons() => _database.Read(transaction => PersonRecords.Read(transaction, _masterKey, null));

    /// <summary>
    /// Crypto-erasure: destroys the person's data keys, then their face, consent and person rows, audits
    /// it in the same transaction, then truncates the WAL so no ciphertext or wrapped key remains on disk.
    /// </summary>
    public StoreResult<PersonErasure> DeletePerson(string id)
    {
        if (!PersonId.IsValid(id))
        {
            return StoreResult<PersonErasure>.Refused(StoreRefusalReason.InvalidPersonId, PersonId.Problem(id));
        }

        var now = _time.GetUtcNow();
        var erased = _database.Write(transaction =>
        {
            if (!PersonRecords.Exists(transaction, id))
            {
                return ((int Keys, int Templates, int Consents, long Audit)?)null;
            }

            var keys = PersonKeyRing.Destroy(transaction, id, purpose: null);
            var (templates, consents) = FaceRecords.Delete(transaction, id);
            PersonRecords.Delete(transaction, id);
            var audit = AuditTrail.Append(transaction, now, AuditKind.PersonDeleted, id,
                $"person deleted: {keys} data keys destroyed, {templates} face templates and {consents} face consents deleted");
            return (keys, templates, consents, audit);
        });
        if (erased is not { } counts)
        {
            return Refuse<PersonErasure>(StoreRefusalReason.PersonNotFound, id, $"Person '{id}' does not exist.");
        }

        var checkpointed = CheckpointAfterErasure(id);
        Log.PersonErased(_logger, id, counts.Keys, counts.Templates, counts.Consents);
        return StoreResult<PersonErasure>.Done(new PersonErasure(id, now, counts.Keys, counts.Templates, counts.Consents, counts.Audit, checkpointed));
    }

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

        var enrolment = _database.Write(transaction =>
        {
            if (!PersonRecords.Exists(transaction, personId))
            {
                return null;
            }

            var (consentId, stored) = FaceRecords.Insert(transaction, _masterKey, personId, embeddings, embedderModelId, consent, now);
            AuditTrail.Append(transaction, now, AuditKind.FaceConsentRecorded, personId,
                $"face consent #{consentId} recorded, given at {StoreTime.Format(consent.ConsentedAt)}");
            var audit = AuditTrail.Append(transaction, now, AuditKind.FaceEnrolled, personId,
                $"{stored} face templates enrolled for model {embedderModelId} under consent #{consentId}");
            return new FaceEnrolment(personId, consentId, stored, embedderModelId, now, audit);
        });
        if (enrolment is null)
        {
            return Refuse<FaceEnrolment>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist; add the person before enrolling a face.");
        }

        Log.FaceEnrolled(_logger, personId, enrolment.TemplatesStored, embedderModelId, enrolment.ConsentId);
        return StoreResult<FaceEnrolment>.Done(enrolment);
    }

    /// <summary>Decrypted templates for the in-memory matcher. Damaged records are reported, logged and left out.</summary>
    public FaceTemplateLoad LoadFaceTemplates(string embedderModelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderModelId);
        var load = _database.Read(transaction => FaceRecords.Load(transaction, _masterKey, embedderModelId));
        foreach (var damaged in load.Damaged)
        {
            Log.TemplateDamaged(_logger, damaged.RecordId, damaged.PersonId, damaged.Message);
        }

        Log.TemplatesLoaded(_logger, load.Templates.Count, embedderModelId);
        return load;
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
        var withdrawal = _database.Write(transaction =>
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
        });
        if (withdrawal is null)
        {
            return Refuse<FaceWithdrawal>(StoreRefusalReason.PersonNotFound, personId, $"Person '{personId}' does not exist.");
        }

        withdrawal = withdrawal with { Checkpointed = CheckpointAfterErasure(personId) };
        Log.FaceWithdrawn(_logger, personId, withdrawal.DataKeysDestroyed, withdrawal.FaceTemplatesDeleted, withdrawal.FaceConsentsDeleted);
        return StoreResult<FaceWithdrawal>.Done(withdrawal);
    }

    /// <summary>Durable on return (one fsync). The host should call it off the decision thread.</summary>
    public void AppendAccessEvent(AccessEvent accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        _database.Write(transaction =>
        {
            AccessEventRecords.Insert(transaction, accessEvent);
            return true;
        });
    }

    /// <summary>The newest <paramref name="count"/> events, oldest first.</summary>
    public IReadOnlyList<AccessEvent> RecentAccessEvents(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _database.Read(transaction => AccessEventRecords.Recent(transaction, count));
    }

    public AuditVerification VerifyAudit()
    {
        var verification = _database.Read(AuditTrail.Verify);
        if (verification.IsValid)
        {
            Log.AuditVerified(_logger, verification.Message);
        }
        else
        {
            Log.AuditBroken(_logger, verification.Message);
        }

        return verification;
    }

    /// <summary>The newest <paramref name="count"/> audit rows, oldest first.</summary>
    public IReadOnlyList<AuditEntry> RecentAudit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _database.Read(transaction => AuditTrail.Recent(transaction, count));
    }

    public StoreHealth Health() => _database.Read(transaction =>
    {
        var (templates, personsWithFace) = FaceRecords.Count(transaction);
        return new StoreHealth(
            _database.Path,
            Opening.SchemaVersion,
            transaction.Scalar<long>("SELECT COUNT(*) FROM persons"),
            personsWithFace,
            templates,
            AccessEventRecords.Count(transaction),
            transaction.Scalar<long>("SELECT COUNT(*) FROM audit"),
            FileLength(_database.Path),
            FileLength(_database.Path + "-wal"));
    });

    public void Dispose()
    {
        _database.Dispose();
        _masterKey.Dispose();
    }

    private bool CheckpointAfterErasure(string personId)
    {
        var checkpoint = _database.Checkpoint();
        if (!checkpoint.Complete)
        {
            Log.CheckpointIncomplete(_logger, personId, checkpoint.Busy, checkpoint.CheckpointedFrames, checkpoint.WalFrames);
        }

        return checkpoint.Complete;
    }

    private StoreResult<T> Refuse<T>(StoreRefusalReason reason, string personId, string message)
        where T : class
    {
        Log.Refused(_logger, reason, personId);
        return StoreResult<T>.Refused(reason, message);
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
