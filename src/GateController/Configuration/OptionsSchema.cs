using System.Reflection;

namespace GateController.Configuration;

/// <summary>
/// Reads the keys of an options class the way the configuration binder fills it: every public property with a
/// public setter (or <c>init</c>), and every get-only property holding a section or a list, which the binder fills
/// in place. So a property added to an options class is in the schema without anyone remembering to add it.
/// Every class read is kept in <see cref="Classes"/>, for the test that no bound class is missing.
/// </summary>
internal sealed class OptionsSchema
{
    private static readonly Type[] Scalars = [typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid)];

    private readonly HashSet<Type> _classes = [];

    public IReadOnlySet<Type> Classes => _classes;

    public SectionNode Of<TOptions>(params string[] except) => Of(typeof(TOptions), except);

    /// <summary>Just <paramref name="keys"/> of the class: an entry that uses part of it (a Wiegand keypad reads no card formats).</summary>
    public SectionNode Only<TOptions>(params string[] keys) =>
        Of(typeof(TOptions), [.. typeof(TOptions).GetProperties().Select(p => p.Name).Except(keys, StringComparer.Ordinal)]);

    private SectionNode Of(Type type, IReadOnlyCollection<string> except)
    {
        _classes.Add(type);
        var children = new Dictionary<string, SchemaNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && IsBound(property) && !except.Contains(property.Name, StringComparer.Ordinal))
            {
                children[property.Name] = NodeFor(property.PropertyType, property);
            }
        }

        return new SectionNode(children);
    }

    private SchemaNode NodeFor(Type type, PropertyInfo? property)
    {
        if (IsScalar(type))
        {
            return new SettingNode(type, property);
        }

        if (type.IsArray)
        {
            return new ListNode(NodeFor(type.GetElementType()!, null));
        }

        if (ElementType(type) is { } element)
        {
            return new ListNode(NodeFor(element, null));
        }

        return Of(type, []);
    }

    private static bool IsBound(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } ||
        (property.GetMethod is { IsPublic: true } && !property.PropertyType.IsValueType && property.PropertyType != typeof(string));

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || Scalars.Contains(underlying);
    }

    private static Type? ElementType(Type type)
    {
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null)
        {
            return null;
        }

        var element = enumerable.GetGenericArguments()[0];
        // A dictionary would bind its keys as names, which no options class here has; say so rather than guess.
        return element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? throw new NotSupportedException($"{type} is a dictionary; the configuration schema has no dictionary settings")
            : element;
    }
}
