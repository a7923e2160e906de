using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>Audit retention (event ids 3080–3089).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3080, Level = LogLevel.Information, Message = "Retention: {Count} decision audit rows before {Cutoff:O} purged; the audit anchor moved")]
    public static partial void AuditAnchorMoved(ILogger logger, long count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3081, Level = LogLevel.Critical, Message = "Retention kept the decision audit rows because the chain does not verify: {Verification}")]
    public static partial void AuditPurgeRefused(ILogger logger, string verification);
}
