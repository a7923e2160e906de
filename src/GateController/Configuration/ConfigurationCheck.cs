namespace GateController.Configuration;

/// <summary>
/// Walks the configuration against <see cref="DaemonConfigurationSchema"/>: every key must be one the daemon
/// reads (an unknown key gets the nearest valid one suggested) and every value must convert to its setting's type.
/// Runs before the host reads any option (<see cref="StartupConfigurationCheck"/>), so nothing has been created or opened when it refuses.
/// </summary>
internal sealed class ConfigurationCheck
{
    private readonly IConfiguration _configuration;
    private readonly DaemonConfigurationSchema _schema;
    private readonly List<ConfigurationProblem> _problems = [];

    private ConfigurationCheck(IConfiguration configuration, DaemonConfigurationSchema schema)
    {
        _configuration = configuration;
        _schema = schema;
    }

    public static IReadOnlyList<ConfigurationProblem> Run(IConfiguration configuration)
    {
        var check = new ConfigurationCheck(configuration, DaemonConfigurationSchema.Instance);
        // A top-level value from the environment is another tool's variable (GATE_MODELS_MIRROR, GATE_SOCKET), not a setting.
        var children = configuration.GetChildren().Where(c => c.Value is null || !ConfigurationOrigin.IsEnvironment(configuration, c.Path));
        check.VisitChildren(children, check._schema.Root, parentPath: null);
        return check._problems;
    }

    private void Visit(IConfigurationSection section, SchemaNode node)
    {
        var children = section.GetChildren().ToList();
        var hasValue = !string.IsNullOrEmpty(section.Value) && children.Count == 0;
        switch (node)
        {
            case SettingNode setting when children.Count > 0:
                Add(section.Path, $"{section.Path} is a section; expected {setting.Expected}.");
                break;
            case SettingNode setting when !setting.Accepts(section.Value):
                Add(section.Path, $"{section.Path} is '{section.Value}'; expected {setting.Expected}.", breaksBinding: true);
                break;
            case SectionNode when hasValue:
            case ListNode when hasValue:
                Add(section.Path, $"{section.Path} is '{section.Value}'; expected {node.Expected}{KeysOf(node)}.");
                break;
            case SectionNode sectionNode:
                VisitChildren(children, sectionNode, section.Path);
                break;
            case ListNode list:
                children.ForEach(child => Visit(child, list.Item));
                break;
            case KindNode entry:
                VisitEntry(section, entry);
                break;
        }
    }

    private void VisitChildren(IEnumerable<IConfigurationSection> children, SectionNode node, string? parentPath)
    {
        foreach (var child in children)
        {
            if (node.Children.TryGetValue(child.Key, out var childNode))
            {
                Visit(child, childNode);
            }
            else
            {
                Add(child.Path, UnknownKey.Describe(child, node, parentPath, _schema.Root));
            }
        }
    }

    private void VisitEntry(IConfigurationSection section, KindNode entry)
    {
        var kindKey = $"{section.Path}:{KindNode.KindKey}";
        var kind = section[KindNode.KindKey] ?? entry.DefaultKind;
        if (kind is not null && entry.Kinds.TryGetValue(kind, out var shape))
        {
            Visit(section, shape);
            return;
        }

        var kinds = AllowedValues.OneOf([.. entry.Kinds.Keys]);
        Add(kindKey, kind is null
            ? $"{kindKey} is missing; a {entry.Description} needs one of {kinds}."
            : $"{kindKey} is '{kind}'; expected {kinds}{UnknownKey.Suggest(NearestKey.Among(kind, entry.Kinds.Keys))}.");
    }

    private static string KeysOf(SchemaNode node) =>
        node is SectionNode { Children.Count: > 0 } section ? $" with {AllowedValues.OneOf([.. section.Children.Keys])}" : "";

    private void Add(string key, string message, bool breaksBinding = false) =>
        _problems.Add(new ConfigurationProblem(key, ConfigurationOrigin.Append(message, _configuration, key), breaksBinding));
}
