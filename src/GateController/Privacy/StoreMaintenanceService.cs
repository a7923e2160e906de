using GateController.Storage.Store;

namespace GateController.Privacy;

/// <summary>
/// Runs <see cref="StoreMaintenance.RunDaily"/> at start (so a daemon restarted more often than daily
/// still backs up) and then every 24 hours on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class StoreMaintenanceService(StoreMaintenance maintenance, TimeProvider time, ILogger<StoreMaintenanceService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                RunOnce();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void RunOnce()
    {
        try
        {
            maintenance.RunDaily();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or StoreIntegrityException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A failed backup or retention pass must not stop the gate; it is retried tomorrow and shows in the log.
            LogFailed(logger, exception.Message);
        }
    }

    [LoggerMessage(EventId = 5502, Level = LogLevel.Error, Message = "Daily store maintenance failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}
