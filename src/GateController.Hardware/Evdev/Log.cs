using Microsoft.Extensions.Logging;

namespace GateController.Hardware.Evdev;

/// <summary>Event ids 4300-4399. Neither a key nor a card number is ever logged: keys only by outcome, cards masked.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Evdev {Kind} {Device} opened {Path} (grabbed: {Grabbed})")]
    public static partial void Opened(ILogger logger, string kind, string device, string path, bool grabbed);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Evdev {Kind} {Device}: {Path} is not an input device (EVIOCGRAB failed with errno {Errno}); reading it without an exclusive grab")]
    public static partial void NotGrabbable(ILogger logger, string kind, string device, string path, int errno);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Evdev {Kind} {Device}: could not grab {Path} (errno {Errno}; 16 means another process holds it); retrying in {Delay}")]
    public static partial void GrabFailed(ILogger logger, string kind, string device, string path, int errno, TimeSpan delay);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Evdev {Kind} {Device}: {Path} is unavailable ({Reason}); retrying in {Delay}")]
    public static partial void Unavailable(ILogger logger, string kind, string device, string path, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Debug, Message = "Evdev card reader {Device} read card {Card}")]
    public static partial void CardRead(ILogger logger, string device, GateController.Core.Access.CardNumber card);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Evdev card reader {Device} typed {Length} characters that are not a {Format} card number of at most {MaximumBits} bits")]
    public static partial void CardRejected(ILogger logger, string device, int length, WedgeCardFormat format, int maximumBits);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Debug, Message = "Evdev keypad {Device}: {Outcome}")]
    public static partial void KeypadKey(ILogger logger, string device, GateController.Core.Credentials.PinKeyOutcome outcome);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Error, Message = "Submitting an attempt from evdev {Kind} {Device} failed")]
    public static partial void SubmitFailed(ILogger logger, string kind, string device, Exception exception);
}
