using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>Card and PIN changes: the person id and the format or PIN kind, never a card number or PIN.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Information, Message = "Person {Person}: card added ({Detail})")]
    public static partial void CardAdded(ILogger logger, string person, string detail);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Information, Message = "Person {Person}: card removed ({Detail})")]
    public static partial void CardRemoved(ILogger logger, string person, string detail);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "Person {Person}: {Kind} PIN set")]
    public static partial void PinSet(ILogger logger, string person, string kind);

    [LoggerMessage(EventId = 3053, Level = LogLevel.Information, Message = "Person {Person}: {Count} PIN(s) cleared")]
    public static partial void PinsCleared(ILogger logger, string person, int count);
}
