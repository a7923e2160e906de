using GateController.Core.Access;
using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Wiegand;

/// <summary>Event ids 4100-4199. A card appears only through <see cref="CardNumber.ToString"/>, which masks it.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Wiegand reader {Reader} listening on D0 GPIO {Data0Pin}, D1 GPIO {Data1Pin}, formats {Formats}, keypad {KeypadMode}")]
    public static partial void Listening(ILogger logger, string reader, int data0Pin, int data1Pin, string formats, WiegandKeypadMode keypadMode);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Wiegand reader {Reader} rejected a {BitCount}-bit frame: {Status} ({Suppressed} more rejections were not logged)")]
    public static partial void FrameRejected(ILogger logger, string reader, int bitCount, WiegandDecodeStatus status, int suppressed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Wiegand reader {Reader} read card {Card}")]
    public static partial void CardRead(ILogger logger, string reader, CardNumber card);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Submitting an attempt from Wiegand reader {Reader} failed")]
    public static partial void SubmitFailed(ILogger logger, string reader, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Keypad {Keypad}: {Outcome}")]
    public static partial void KeypadKey(ILogger logger, string keypad, GateController.Core.Credentials.PinKeyOutcome outcome);
}
