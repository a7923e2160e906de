using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace GateController.Configuration;

/// <summary>What a setting takes, in words, from its type and its <see cref="RangeAttribute"/>: the end of each type message.</summary>
internal static class AllowedValues
{
    private static readonly Type[] WholeNumbers = [typeof(byte), typeof(short), typeof(int), typeof(long), typeof(ushort), typeof(uint), typeof(ulong)];

    public static string Describe(Type type, PropertyInfo? property)
    {
        var range = property?.GetCustomAttribute<RangeAttribute>();
        var bounds = range is null ? "" : $" between {range.Minimum} and {range.Maximum}";
        if (type.IsEnum)
        {
            return OneOf(Enum.GetNames(type));
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(TimeSpan))
        {
            return $"a duration [d.]hh:mm:ss[.fff]{bounds}, such as 00:00:05";
        }

        if (WholeNumbers.Contains(type))
        {
            return $"a whole number{bounds}";
        }

        return type == typeof(float) || type == typeof(double) || type == typeof(decimal) ? $"a number{bounds}, such as 0.45" : "text";
    }

    /// <summary>"High or Low", "Off, Hard or Soft".</summary>
    public static string OneOf(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
