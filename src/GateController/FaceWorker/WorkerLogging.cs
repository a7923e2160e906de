using Microsoft.Extensions.Logging.Console;

namespace GateController.FaceWorker;

/// <summary>
/// The camera worker's own log lines (camera connected, failed and reconnecting, stopped: events 2100-2105), in the
/// daemon's systemd format on standard error, which the worker shares with the daemon: the unit sends both to the
/// journal, and the channel stays clean (it is on a private descriptor). Information and up, as the daemon logs.
/// </summary>
internal static class WorkerLogging
{
    public static ILoggerFactory Create() => LoggerFactory.Create(logging =>
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddSystemdConsole();
        logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
