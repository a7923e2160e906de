namespace GateController.Watchdog;

internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "systemd watchdog on: timeout {Timeout}, a ping every {Interval} while the engine, the readers and the face supervision answer")]
    public static partial void WatchdogOn(ILogger logger, TimeSpan timeout, TimeSpan interval);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "systemd watchdog off: {Reason}")]
    public static partial void WatchdogOff(ILogger logger, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Critical, Message = "Watchdog pings withheld, systemd will restart the daemon if this lasts: {Problems}")]
    public static partial void PingsWithheld(ILogger logger, string problems);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Watchdog pings resumed after {Withheld} withheld")]
    public static partial void PingsResumed(ILogger logger, long withheld);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Could not send a watchdog ping to {Socket}: {Problem}")]
    public static partial void PingNotSent(ILogger logger, string socket, string problem);
}
