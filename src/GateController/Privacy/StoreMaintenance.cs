using GateController.Face;
using GateController.Storage.Backup;
using GateController.Storage.Retention;
using GateController.Storage.Store;
using Microsoft.Extensions.Options;

namespace GateController.Privacy;

/// <summary>
/// The daily store chores, as plain methods the timer calls: an automatic backup, then retention,
/// keeping the in-memory face index in step with what retention erased.
/// </summary>
internal sealed partial class StoreMaintenance(GateStore store, FacePath face, IOptions<RetentionOptions> options, ILogger<StoreMaintenance> logger)
{
    public BackupResult BackupBeforeRiskyOperation(string reason) => store.CreateAutomaticBackup(reason, options.Value.AutomaticBackupsKept);

    public void RunDaily()
    {
        var backup = store.CreateAutomaticBackup("daily", options.Value.AutomaticBackupsKept);
        LogBackup(logger, backup.Destination);
        var run = store.ApplyRetention(options.Value);
        foreach (var erasure in run.FaceErasures)
        {
            face.RemovePerson(erasure.Receipt.PersonId);
        }

        LogRetention(logger, run.FaceErasures.Count, run.AccessEventsPurged);
    }

    [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "Automatic backup written to {Path}")]
    private static partial void LogBackup(ILogger logger, string path);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Information, Message = "Retention pass: face data of {Persons} person(s) erased, {Events} access event(s) purged")]
    private static partial void LogRetention(ILogger logger, int persons, int events);
}
