using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Relay;

/// <summary>Event ids 4700-4799.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Door relay on GPIO {Pin} ready, active {ActiveLevel}, {LockType}, requested locked ({LockedLevel})")]
    public static partial void Ready(ILogger logger, int pin, RelayActiveLevel activeLevel, RelayLockType lockType, string lockedLevel);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Error, Message = "Door relay line GPIO {Pin} cannot be requested ({Error}); the door stays locked and reports relayFault until it can")]
    public static partial void ClaimFailed(ILogger logger, int pin, string error);
}
