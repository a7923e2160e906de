namespace GateController.Storage.Store;

/// <summary>The store's part of <c>gatectl status</c>. Counts and sizes only.</summary>
public sealed record StoreHealth(
    string DatabasePath,
    int SchemaVersion,
    long Persons,
    long PersonsWithFace,
    long FaceTemplates,
    long AccessEvents,
    long AuditRows,
    long DatabaseBytes,
    long WalBytes);
