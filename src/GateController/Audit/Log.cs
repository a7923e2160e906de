namespace GateController.Audit;

/// <summary>Daemon-side audit events (5300–5309): digests and section names only, never configured values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "Configuration changed since the last start in sections {Sections} (sha256 {Digest}); audited")]
    public static partial void ConfigurationChanged(ILogger logger, string sections, string digest);
}
