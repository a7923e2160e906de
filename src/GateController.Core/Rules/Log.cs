using Microsoft.Extensions.Logging;

namespace GateController.Core.Rules;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Anti-passback: person {Person} entered again at {Reader} without leaving ({Mode})")]
    public static partial void AntiPassbackViolation(ILogger logger, string person, string reader, AntiPassbackMode mode);
}
