using Microsoft.Extensions.Logging;

namespace GateController.Storage.Store;

/// <summary>Store events carry person pseudonyms (<see cref="GateStore.Pseudonyms"/>) only: never ids, names, consent text, keys or template bytes.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Store opened at {DatabasePath} (schema {SchemaVersion}, key from {KeySource}, new store: {CreatedStore})")]
    public static partial void Opened(ILogger logger, string databasePath, int schemaVersion, string keySource, bool createdStore);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Development master key created at {KeySource} (mode 0600); simulation only, never use it on a real gate")]
    public static partial void DevelopmentKeyCreated(ILogger logger, string keySource);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Person {Person} added")]
    public static partial void PersonAdded(ILogger logger, string person);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Person {Person} erased: {DataKeys} data keys destroyed, {Templates} face templates and {Consents} consents deleted")]
    public static partial void PersonErased(ILogger logger, string person, int dataKeys, int templates, int consents);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Store refused {Reason} for person {Person}")]
    public static partial void Refused(ILogger logger, StoreRefusalReason reason, string person);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Person {Person}: {Templates} face templates enrolled for {ModelId} under consent #{ConsentId}")]
    public static partial void FaceEnrolled(ILogger logger, string person, int templates, string modelId, long consentId);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Person {Person} withdrew face consent: {DataKeys} face key destroyed, {Templates} templates and {Consents} consents deleted")]
    public static partial void FaceWithdrawn(ILogger logger, string person, int dataKeys, int templates, int consents);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Loaded {Count} face templates for {ModelId} ({OtherModelTemplates} stored under other embedder models left out)")]
    public static partial void TemplatesLoaded(ILogger logger, int count, string modelId, int otherModelTemplates);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Error, Message = "Face template #{RecordId} of person {Person} was not loaded: {Problem}")]
    public static partial void TemplateDamaged(ILogger logger, long recordId, string person, string problem);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "WAL checkpoint after erasing {Person} was incomplete (busy {Busy}, {Checkpointed}/{Frames} frames); it completes at the next checkpoint")]
    public static partial void CheckpointIncomplete(ILogger logger, string person, bool busy, long checkpointed, long frames);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "{Verification}")]
    public static partial void AuditVerified(ILogger logger, string verification);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Critical, Message = "{Verification}")]
    public static partial void AuditBroken(ILogger logger, string verification);
}
