using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Nfc;

/// <summary>Event ids 4500-4599. Cards appear only masked (<see cref="GateController.Core.Access.CardNumber.ToString"/>).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Information, Message = "NFC reader {Reader} polling every {PollInterval}, repeat window {RepeatWindow}")]
    public static partial void Polling(ILogger logger, string reader, TimeSpan pollInterval, TimeSpan repeatWindow);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "NFC reader {Reader} read card {Card}")]
    public static partial void CardRead(ILogger logger, string reader, GateController.Core.Access.CardNumber card);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "NFC reader {Reader} read a {Length}-byte UID; only UIDs of up to 8 bytes can be matched")]
    public static partial void UidTooLong(ILogger logger, string reader, int length);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Error, Message = "NFC reader {Reader}: the module stopped answering; retrying every {Delay}")]
    public static partial void ModuleFailed(ILogger logger, string reader, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "NFC reader {Reader}: the module answers again")]
    public static partial void ModuleRecovered(ILogger logger, string reader);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Error, Message = "Submitting an attempt from NFC reader {Reader} failed")]
    public static partial void SubmitFailed(ILogger logger, string reader, Exception exception);
}
