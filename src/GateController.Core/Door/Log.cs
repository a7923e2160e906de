using Microsoft.Extensions.Logging;

namespace GateController.Core.Door;

/// <summary>Event ids 2600-2699.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Door {Door} ready and locked, pulse {PulseSeconds:F1} s")]
    public static partial void Ready(ILogger logger, int door, double pulseSeconds);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Debug, Message = "Door {Door} unlocked for a grant at {Reader}")]
    public static partial void Granted(ILogger logger, int door, string reader);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Debug, Message = "Door {Door} opened and closed during its pulse: locked early")]
    public static partial void RelockedEarly(ILogger logger, int door);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Door {Door} alarm: {Reason}")]
    public static partial void Alarm(ILogger logger, int door, string reason);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Error, Message = "Door {Door}: the relay write (unlock {Unlock}) failed; driving it locked and retrying")]
    public static partial void RelayFailed(ILogger logger, int door, bool unlock, Exception exception);
}
