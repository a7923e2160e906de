using Microsoft.Extensions.Logging;

namespace GateController.Vision.Models;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Model file {File} is in the cache at {Path}")]
    public static partial void CacheHit(ILogger logger, string file, string path);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Copied {File} from the mirror {Path} into the cache")]
    public static partial void CopiedFromMirror(ILogger logger, string file, string path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Downloaded {File} from {Url} into the cache")]
    public static partial void Downloaded(ILogger logger, string file, Uri url);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Rejected {File} at {Place}: {Finding}")]
    public static partial void Rejected(ILogger logger, string file, string place, string finding);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Built {File} from {Source} with the calibration {Calibration} into the cache")]
    public static partial void Derived(ILogger logger, string file, string source, string calibration);
}
