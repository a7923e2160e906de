using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Matrix;

/// <summary>Event ids 4400-4499. Keys are logged by outcome only, never by digit.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "Matrix keypad {Keypad} scanning rows {Rows} and columns {Columns} every {ScanInterval}, debounce {Debounce}")]
    public static partial void Scanning(ILogger logger, string keypad, string rows, string columns, TimeSpan scanInterval, TimeSpan debounce);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Matrix keypad {Keypad}: {Outcome}")]
    public static partial void KeypadKey(ILogger logger, string keypad, GateController.Core.Credentials.PinKeyOutcome outcome);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "Matrix keypad {Keypad}: scanning the GPIO lines failed")]
    public static partial void ScanFailed(ILogger logger, string keypad, Exception exception);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Error, Message = "Submitting an attempt from matrix keypad {Keypad} failed")]
    public static partial void SubmitFailed(ILogger logger, string keypad, Exception exception);
}
