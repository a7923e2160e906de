namespace GateController.Readers;

/// <summary>Event ids 4200-4299. Never a PIN, never a whole card number.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "{Count} card reader(s) and {Keypads} keypad(s) listening; decisions go to the access engine")]
    public static partial void ReadersStarted(ILogger logger, int count, int keypads);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Critical, Message = "DURESS: silent alert for person {Person} at keypad {Keypad} at {Time:O}; the door opened as usual")]
    public static partial void DuressAlert(ILogger logger, string person, string keypad, DateTimeOffset time);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Simulated {Kind} sent to {Reader}: {BitCount} bits")]
    public static partial void Simulated(ILogger logger, string kind, string reader, int bitCount);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Reader {Reader} could not start on GPIO {Data0Pin}/{Data1Pin}; the other readers carry on")]
    public static partial void ReaderFailed(ILogger logger, string reader, int data0Pin, int data1Pin, Exception exception);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "{Kind} device {Device} failed (at start, or its loop stopped); the other readers and keypads carry on")]
    public static partial void DeviceFailed(ILogger logger, string kind, string device, Exception exception);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Error, Message = "Feedback lines of {Readers} could not be opened; decisions there go without light and sound")]
    public static partial void FeedbackFailed(ILogger logger, string readers, Exception exception);
}
