using Microsoft.Extensions.Logging;

namespace GateController.Core.FaceTracking;

internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Face track {TrackId} ended after {EvidenceFrames} frames of evidence: {Outcome}")]
    public static partial void TrackEnded(ILogger logger, long trackId, int evidenceFrames, string outcome);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Face track {TrackId} matched a resident granted less than {CooldownSeconds} s ago or whose door is still open; the relay was not pulsed again")]
    public static partial void GrantHeldBack(ILogger logger, long trackId, double cooldownSeconds);
}
