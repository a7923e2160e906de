using Microsoft.Extensions.Logging;

namespace GateController.Vision.Liveness;

internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Liveness models loaded: {Models}, {Threads} intra-op thread(s)")]
    public static partial void ModelsLoaded(ILogger logger, string models, int threads);
}
