using GateController.Core.Rules;
using GateController.Storage.Store;

namespace GateController.Storage.AccessRules;

/// <summary>
/// The access rule set the decision thread reads, loaded from the store at start and rebuilt whole after every
/// change the store announces (groups, memberships, validity, erasure), so no endpoint can forget to reload it.
/// Holds group definitions and each person's groups and dates; never a name, card or PIN.
/// </summary>
public sealed class StoredAccessRules : IAccessRuleSource, IDisposable
{
    private readonly GateStore _store;
    private volatile AccessRuleSet _current;

    public StoredAccessRules(GateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _current = store.LoadAccessRuleSet();
        store.Changed += OnChanged;
    }

    public AccessRuleSet Current => _current;

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(object? sender, StoreChangedEventArgs change)
    {
        if (change.Touches(StoreChanges.AccessRules))
        {
            _current = _store.LoadAccessRuleSet();
        }
    }
}
