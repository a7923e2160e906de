using System.Diagnostics.CodeAnalysis;
using GateController.Core.Pseudonyms;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Keys;
using GateController.Storage.Persons;
using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>
/// The gate's persistent store: persons, face templates and consent, access events and the audit
/// chain, in SQLite under the data directory. Personal data is sealed under per-person data keys
/// wrapped by the master key. Every change commits durably with its audit row; erasure destroys the
/// data keys first. Thread-safe: one connection behind a lock. The class is split by capability:
/// persons here, faces in GateStore.Faces.cs, events, audit and health in GateStore.Records.cs.
/// </summary>
public sealed partial class GateStore : IDisposable
{
    private readonly StoreDatabase _database;
    private readonly MasterKey _masterKey;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StoredPseudonyms _pseudonyms;

    private GateStore(StoreDatabase database, MasterKey masterKey, StoreOpening opening, TimeProvider time, ILogger logger)
    {
        _database = database;
        _masterKey = masterKey;
        Opening = opening;
        _time = time;
        _logger = logger;
        _pseudonyms = new StoredPseudonyms(PseudonymKeyBytes);
    }

    public StoreOpening Opening { get; }

    /// <summary>The pseudonyms that stand for person ids in log lines and journald entries, keyed by the store's device secret.</summary>
    public IPersonPseudonyms Pseudonyms => _pseudonyms;

    /// <summary>
    /// Opens (or, with no <c>gate.db</c> yet, creates) the store. Throws <see cref="StoreKeyException"/>
    /// when the key is missing, unsafe or not this store's key.
    /// </summary>
    public static GateStore Open(StoreOptions options, IMasterKeySource keySource, TimeProvider time, ILogger<GateStore> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var (database, key, opening) = StoreOpenChecks.Open(options, keySource, time.GetUtcNow(), logger);
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
        if (!_database.Write(transaction => PersonLifecycle.TryAdd(transaction, _masterKey, id, name, now)))
        {
            return Refuse<Person>(StoreRefusalReason.DuplicatePerson, id, $"Person '{id}' already exists; delete it first or choose another id.");
        }

        Log.PersonAdded(_logger, Pseudonyms.Of(id));
        return StoreResult<Person>.Done(new Person(id, name, now, 0, false));
    }

    public bool TryFindPerson(string id, [NotNullWhen(true)] out Person? person)
    {
        person = PersonId.IsValid(id) ? _database.Read(transaction => PersonRecords.Read(transaction, _masterKey, id)).SingleOrDefault() : null;
        return person is not null;
    }

    public IReadOnlyList<Person> ListPersons() => _database.Read(transaction => PersonRecords.Read(transaction, _masterKey, null));

    /// <summary>Every resident with their ways in, groups, validity and last grant (<c>gatectl person list</c>); no biometric value, no card number.</summary>
    public IReadOnlyList<PersonListing> ListPersonDirectory() => _database.Read(transaction => PersonListingQuery.Read(transaction, _masterKey));

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
        var erasure = _database.Write(transaction => PersonLifecycle.Erase(transaction, id, now));
        if (erasure is null)
        {
            return Refuse<PersonErasure>(StoreRefusalReason.PersonNotFound, id, $"Person '{id}' does not exist.");
        }

        erasure = erasure with { Checkpointed = CheckpointAfterErasure(id) };
        Announce(StoreChanges.PersonErased, id);
        Log.PersonErased(_logger, Pseudonyms.Of(id), erasure.DataKeysDestroyed, erasure.FaceTemplatesDeleted, erasure.FaceConsentsDeleted);
        return StoreResult<PersonErasure>.Done(erasure);
    }

    public void Dispose()
    {
        _pseudonyms.Dispose();
        _database.Dispose();
        _masterKey.Dispose();
    }

    private bool CheckpointAfterErasure(string personId)
    {
        var checkpoint = _database.Checkpoint();
        if (!checkpoint.Complete)
        {
            Log.CheckpointIncomplete(_logger, Pseudonyms.Of(personId), checkpoint.Busy, checkpoint.CheckpointedFrames, checkpoint.WalFrames);
        }

        return checkpoint.Complete;
    }

    private StoreResult<T> Refuse<T>(StoreRefusalReason reason, string personId, string message)
        where T : class
    {
        Log.Refused(_logger, reason, Pseudonyms.Of(personId));
        return StoreResult<T>.Refused(reason, message);
    }
}
