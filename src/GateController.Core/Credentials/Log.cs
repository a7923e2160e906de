using Microsoft.Extensions.Logging;

namespace GateController.Core.Credentials;

/// <summary>Event ids 4000-4099. Never a PIN, never a whole card number.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Keypad {Keypad} is locked out after repeated wrong PINs")]
    public static partial void KeypadLockedOut(ILogger logger, string keypad);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "A PIN at keypad {Keypad} was refused: locked out for another {RemainingSeconds:F0} s")]
    public static partial void PinRefusedWhileLockedOut(ILogger logger, string keypad, double remainingSeconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical, Message = "Duress PIN of person {Person} used at keypad {Keypad}")]
    public static partial void DuressPinUsed(ILogger logger, string keypad, string person);
}
