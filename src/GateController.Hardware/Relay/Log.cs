using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Relay;

/// <summary>Event ids 4700-4799.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Door relay on GPIO {Pin} ready, active {ActiveLevel}, released")]
    public static partial void Ready(ILogger logger, int pin, RelayActiveLevel activeLevel);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Debug, Message = "Door relay on GPIO {Pin} energised for {HoldOpenSeconds:F1} s")]
    public static partial void Energised(ILogger logger, int pin, double holdOpenSeconds);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Debug, Message = "Door relay on GPIO {Pin} released")]
    public static partial void Released(ILogger logger, int pin);
}
