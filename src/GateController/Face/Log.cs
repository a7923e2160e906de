namespace GateController.Face;

internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Error, Message = "Face recognition is unavailable; card and PIN carry on: {Reason}")]
    public static partial void FacePathFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Loaded {Templates} face templates of {Persons} persons ({Damaged} damaged records left out)")]
    public static partial void TemplatesLoaded(ILogger logger, int templates, int persons, int damaged);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Camera source: {Source}")]
    public static partial void CameraSource(ILogger logger, string source);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "No one is enrolled yet. Enrol a resident with: gatectl person add --id ID --name NAME; gatectl face enroll --id ID --consent \"paper form N\" PHOTO.jpg")]
    public static partial void HowToEnrol(ILogger logger);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Warning, Message = "{Templates} face templates of {Persons} persons were enrolled with another embedder model and are not used by {Embedder}. Re-enrol those persons with 'gatectl face enroll', or set Vision:Models:Embedder back to the model they were enrolled with")]
    public static partial void OtherModelTemplatesUnused(ILogger logger, int templates, int persons, string embedder);

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Face worker {ProcessId} is running ({Sandbox})")]
    public static partial void WorkerRunning(ILogger logger, int processId, string sandbox);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Warning, Message = "Face worker {ProcessId} exited: {Detail}; card and PIN carry on")]
    public static partial void WorkerExited(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Error, Message = "Face worker {ProcessId} crashed: {Detail}; card and PIN carry on")]
    public static partial void WorkerCrashed(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Error, Message = "Face worker {ProcessId} hung and was killed: {Detail}; card and PIN carry on")]
    public static partial void WorkerHung(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5604, Level = LogLevel.Error, Message = "Face worker {ProcessId} was killed over its memory cap: {Detail}; card and PIN carry on")]
    public static partial void WorkerOverMemoryCap(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5605, Level = LogLevel.Error, Message = "Face worker {ProcessId} broke the channel protocol and was killed (none of its results after that were used): {Detail}")]
    public static partial void WorkerProtocolViolation(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5606, Level = LogLevel.Error, Message = "Face worker {ProcessId} cannot start: {Detail}; card and PIN carry on")]
    public static partial void WorkerCannotStart(ILogger logger, int processId, string detail);

    [LoggerMessage(EventId = 5607, Level = LogLevel.Information, Message = "Face worker restarts in {Delay} (restart {Restarts})")]
    public static partial void WorkerRestartScheduled(ILogger logger, TimeSpan delay, long restarts);

    [LoggerMessage(EventId = 5608, Level = LogLevel.Error, Message = "The face worker's supervision failed unexpectedly; it restarts, card and PIN carry on")]
    public static partial void SupervisionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5609, Level = LogLevel.Warning, Message = "A face analysis process failed: {Detail}")]
    public static partial void AnalysisFailed(ILogger logger, string detail);
}
