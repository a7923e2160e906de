using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Feedback;

/// <summary>Event ids 4600-4699.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Information, Message = "Feedback outputs ready: green LED GPIO {GreenPin}, red LED GPIO {RedPin}, beeper GPIO {BeeperPin} (-1 = not wired)")]
    public static partial void Ready(ILogger logger, int greenPin, int redPin, int beeperPin);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Feedback: writing GPIO {Pin} failed; the other feedback lines carry on")]
    public static partial void WriteFailed(ILogger logger, int pin, Exception exception);
}
