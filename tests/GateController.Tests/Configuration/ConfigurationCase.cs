namespace GateController.Tests.Configuration;

/// <summary>
/// One bad setting for one options class: the keys that make it (an entry's <c>Kind</c> besides the bad key),
/// the key the message must name and what it must say. <paramref name="BindSection"/> is where the real
/// configuration binder would read the class, to show it refuses the same value (null: the binder ignores it).
/// </summary>
public sealed record ConfigurationCase(
    Type OptionsClass, string Problem, (string Key, string Value)[] Settings, string ExpectedMessage, string? BindSection = null)
{
    public override string ToString() => $"{OptionsClass.Name}: {Problem} {string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"))}";
}
