using GateController.Core.Receipts;
using GateController.Storage.Audit;
using GateController.Storage.Receipts;
using GateController.Storage.Retention;

namespace GateController.Storage.Store;

/// <summary>Retention: erasure of absent residents' face data and purge of old access events.</summary>
public sealed partial class GateStore
{
    /// <summary>
    /// One retention pass at the store's current time. Face data first (it reads "last seen" from the
    /// events), each erasure with its own archived receipt; then the event purge, audited, and a checkpoint
    /// so purged rows leave no copy in the WAL.
    /// </summary>
    public RetentionRun ApplyRetention(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        var erasures = new List<ErasureReceipt>();
        if (options.FaceTemplateDays > 0)
        {
            var absent = _database.Read(transaction => RetentionQueries.AbsentFaceHolders(transaction, now.AddDays(-options.FaceTemplateDays)));
            foreach (var (personId, lastSeen) in absent)
            {
                if (WithdrawFaceWithReceipt(personId, ReceiptActions.FaceRetention).Value is { } erased)
                {
                    Log.RetentionErasedFace(_logger, Pseudonyms.Of(personId), lastSeen);
                    erasures.Add(erased);
                }
            }
        }

        var purged = 0;
        long decisionRows = 0;
        if (options.AccessEventDays > 0)
        {
            var cutoff = now.AddDays(-options.AccessEventDays);
            (purged, decisionRows) = _database.Write(transaction => PurgeEventsAndDecisions(transaction, cutoff, now));
            if (purged > 0 || decisionRows > 0)
            {
                _database.Checkpoint();
                Log.RetentionPurgedEvents(_logger, purged, cutoff);
            }
        }

        return new RetentionRun(now, erasures, purged) { DecisionAuditRowsPurged = decisionRows };
    }

    /// <summary>The decision audit rows carry the same personal data as the events, so they go in the same transaction.</summary>
    private (int Events, long DecisionRows) PurgeEventsAndDecisions(Microsoft.Data.Sqlite.SqliteTransaction transaction, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var events = RetentionQueries.PurgeEvents(transaction, cutoff, now);
        var (decisionRows, refusal) = AuditRetention.PurgeDecisions(transaction, cutoff, now);
        if (refusal is not null)
        {
            Log.AuditPurgeRefused(_logger, refusal.Message);
        }
        else if (decisionRows > 0)
        {
            Log.AuditAnchorMoved(_logger, decisionRows, cutoff);
        }

        return (events, decisionRows);
    }
}
