using System.Collections.Frozen;

namespace GateController.Core.Rules;

/// <summary>
/// Groups and each person's groups and validity, frozen: the store builds a new set after every change and
/// swaps it in whole, so the decision thread reads it without a lock and never sees half a change.
/// </summary>
public sealed class AccessRuleSet
{
    private readonly FrozenDictionary<string, AccessGroup> _groups;
    private readonly FrozenDictionary<string, PersonAccess> _persons;

    public AccessRuleSet(IEnumerable<AccessGroup> groups, IEnumerable<KeyValuePair<string, PersonAccess>> persons)
    {
        _groups = groups.ToFrozenDictionary(g => g.Name, StringComparer.Ordinal);
        _persons = persons.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static AccessRuleSet Empty { get; } = new([], []);

    public IEnumerable<AccessGroup> Groups => _groups.Values;

    public int PersonCount => _persons.Count;

    public bool TryGetGroup(string name, out AccessGroup? group) => _groups.TryGetValue(name, out group);

    public PersonAccess For(string personId) => _persons.GetValueOrDefault(personId, PersonAccess.None);

    public int CountMembers(string group) => _persons.Values.Count(p => p.Groups.Contains(group));
}

/// <summary>Where the rules read the current <see cref="AccessRuleSet"/>; answered from memory, never from disk.</summary>
public interface IAccessRuleSource
{
    AccessRuleSet Current { get; }
}
