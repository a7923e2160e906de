namespace GateController.Storage.Store;

/// <summary>What a committed change touched, so in-memory indexes follow the store instead of each caller reloading them by hand.</summary>
[Flags]
public enum StoreChanges
{
    None = 0,

    /// <summary>Cards or PINs (the credential tag index).</summary>
    Credentials = 1,

    /// <summary>Access groups, memberships or validity periods (the access rule set).</summary>
    AccessRules = 2,

    /// <summary>A person was erased: every index drops them.</summary>
    PersonErased = 4,
}

public sealed class StoreChangedEventArgs(StoreChanges changes, string? personId) : EventArgs
{
    public StoreChanges Changes { get; } = changes;

    public string? PersonId { get; } = personId;

    public bool Touches(StoreChanges kind) => (Changes & (kind | StoreChanges.PersonErased)) != 0;
}

public sealed partial class GateStore
{
    /// <summary>
    /// Raised after every committed change to cards, PINs, access rules or persons, on the writer's thread and
    /// before the writing call returns, so an admin request answers only once the indexes follow it.
    /// </summary>
    public event EventHandler<StoreChangedEventArgs>? Changed;

    private void Announce(StoreChanges changes, string? personId) => Changed?.Invoke(this, new StoreChangedEventArgs(changes, personId));
}
