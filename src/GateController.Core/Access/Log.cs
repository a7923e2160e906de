using Microsoft.Extensions.Logging;

namespace GateController.Core.Access;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Access {Method} at {Reader}: {Result} ({Reason}) in {LatencyMs:F2} ms")]
    public static partial void Decided(ILogger logger, AccessMethod method, string reader, AccessResult result, string reason, double latencyMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "The {Method} verifier failed; the attempt was rejected")]
    public static partial void VerifierFailed(ILogger logger, AccessMethod method, Exception exception);
}
