namespace GateController.Face;

internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Error, Message = "Face recognition is unavailable; card and PIN carry on: {Reason}")]
    public static partial void FacePathFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Loaded {Templates} face templates of {Persons} persons ({Damaged} damaged records left out)")]
    public static partial void TemplatesLoaded(ILogger logger, int templates, int persons, int damaged);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Camera source: {Source}")]
    public static partial void CameraSource(ILogger logger, string source);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "A camera frame could not be analysed: {Reason}")]
    public static partial void FrameFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "No one is enrolled yet. Enrol a resident with: gatectl person add --id ID --name NAME; gatectl face enroll --id ID --consent \"paper form N\" PHOTO.jpg")]
    public static partial void HowToEnrol(ILogger logger);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Error, Message = "The camera loop stopped: no camera source is configured (Vision:Camera:Source)")]
    public static partial void NoCameraSource(ILogger logger);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Warning, Message = "{Templates} face templates of {Persons} persons were enrolled with another embedder model and are not used by {Embedder}. Re-enrol those persons with 'gatectl face enroll', or set Vision:Models:Embedder back to the model they were enrolled with")]
    public static partial void OtherModelTemplatesUnused(ILogger logger, int templates, int persons, string embedder);
}
