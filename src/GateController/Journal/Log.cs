using System.Net.Sockets;

namespace GateController.Journal;

/// <summary>Journal output events (5400–5409).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Structured journal output is off: {Reason}")]
    public static partial void JournalOff(ILogger logger, string reason);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "A {Event} journal entry was not sent: {Error}")]
    public static partial void JournalSendFailed(ILogger logger, string @event, SocketError error);
}
