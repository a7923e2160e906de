using GateController.Core.Events;
using GateController.Storage.Audit;
using GateController.Storage.Database;
using GateController.Storage.Events;
using GateController.Storage.Faces;

namespace GateController.Storage.Store;

/// <summary>Access events, the audit chain and the store's health.</summary>
public sealed partial class GateStore
{
    /// <summary>Durable on return (one fsync), with its audit row. The host should call it off the decision thread.</summary>
    public void AppendAccessEvent(AccessEvent accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        AppendAccessEvents([accessEvent]);
    }

    /// <summary>
    /// Writes a batch of decisions, each with its audit row, in one transaction: durable on return with a
    /// single fsync, so a backlog after a burst drains fast. Call it off the decision thread.
    /// </summary>
    public void AppendAccessEvents(IReadOnlyList<AccessEvent> accessEvents)
    {
        ArgumentNullException.ThrowIfNull(accessEvents);
        if (accessEvents.Count == 0)
        {
            return;
        }

        _database.Write(transaction =>
        {
            foreach (var accessEvent in accessEvents)
            {
                AccessEventRecords.Insert(transaction, accessEvent);
                DecisionAudit.Append(transaction, accessEvent);
            }

            return true;
        });
    }

    /// <summary>The highest stored decision number (0 for none): where the next run's numbering continues.</summary>
    public long LastAccessEventSequence() => _database.Read(AccessEventRecords.LastSequence);

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

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
