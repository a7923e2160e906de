namespace GateController.Storage.Store;

/// <summary>What happened when the store opened, for the host's start-up log ("development key created").</summary>
public sealed record StoreOpening(
    string DatabasePath,
    string KeySource,
    bool CreatedStore,
    bool CreatedDevelopmentKey,
    int SchemaVersion);
