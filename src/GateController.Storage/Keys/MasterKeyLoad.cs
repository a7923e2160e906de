namespace GateController.Storage.Keys;

/// <summary>A loaded master key, where it came from, and whether it was just created (development only).</summary>
public sealed record MasterKeyLoad(MasterKey Key, string Source, bool CreatedDevelopmentKey);
