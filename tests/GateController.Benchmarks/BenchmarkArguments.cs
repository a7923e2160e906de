using System.Globalization;

namespace GateController.Benchmarks;

/// <summary><c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>The arguments as given, for a command that parses its own.</summary>
    public string[] Raw { get; private init; } = [];

    public static BenchmarkArguments Parse(string[] args)
    {
        var parsed = new BenchmarkArguments { Raw = args };
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required");

    public int Integer(string name, int fallback) =>
        _values.TryGetValue(name, out var value) && value is not null
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new ArgumentException($"--{name} takes a positive whole number, not '{value}'")
            : fallback;
}
