using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>Access group and person access changes: group names, person ids and counts; never validity dates.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3090, Level = LogLevel.Information, Message = "Access group {Group} {Action} ({Windows} windows, {Holidays} holidays)")]
    public static partial void GroupSaved(ILogger logger, string group, string action, int windows, int holidays);

    [LoggerMessage(EventId = 3091, Level = LogLevel.Information, Message = "Access group {Group} removed")]
    public static partial void GroupRemoved(ILogger logger, string group);

    [LoggerMessage(EventId = 3092, Level = LogLevel.Information, Message = "Person {Person}: {Detail}")]
    public static partial void PersonAccessSet(ILogger logger, string person, string detail);

    [LoggerMessage(EventId = 3093, Level = LogLevel.Information, Message = "Import: {Persons} persons added with {Cards} cards and {AccessRecords} access records, in one transaction")]
    public static partial void PersonsImported(ILogger logger, int persons, int cards, int accessRecords);
}
