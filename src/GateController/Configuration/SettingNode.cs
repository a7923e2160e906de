using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace GateController.Configuration;

/// <summary>
/// One value, of the type its options property has. A value is accepted when the configuration binder would
/// convert it (the same <see cref="TypeConverter"/>, with the invariant culture), except that an enum takes its
/// names only: the binder would also take a number such as <c>7</c> and leave the gate with an undefined mode.
/// </summary>
internal sealed class SettingNode(Type valueType, PropertyInfo? property) : SchemaNode
{
    private readonly Type _type = Nullable.GetUnderlyingType(valueType) ?? valueType;
    private readonly bool _nullable = Nullable.GetUnderlyingType(valueType) is not null || !valueType.IsValueType;

    public override string Expected => AllowedValues.Describe(_type, property);

    public bool Accepts(string? value)
    {
        if (value is null || _type == typeof(string) || (value.Length == 0 && _nullable))
        {
            return true;
        }

        if (_type.IsEnum)
        {
            return Enum.GetNames(_type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
        }

        try
        {
            _ = TypeDescriptor.GetConverter(_type).ConvertFromString(null, CultureInfo.InvariantCulture, value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }
}
