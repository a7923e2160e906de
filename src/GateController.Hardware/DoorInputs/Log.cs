using GateController.Core.Door;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.DoorInputs;

/// <summary>Event ids 4800-4899.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4800, Level = LogLevel.Information, Message = "Door {Door} {Input} input on GPIO {Pin} ready, reads {State}")]
    public static partial void Ready(ILogger logger, int door, DoorInput input, int pin, string state);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Debug, Message = "Door {Door} {Input} input is now {State}")]
    public static partial void Changed(ILogger logger, int door, DoorInput input, string state);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Error, Message = "Door {Door} {Input} input on GPIO {Pin} cannot be opened or read; an inputFault alarm is raised and the line is tried again every second")]
    public static partial void ReadFailed(ILogger logger, int door, DoorInput input, int pin, Exception exception);
}
