using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GateController.Configuration;

/// <summary>
/// Turns an options validator's failures into keyed messages. A source-generated validator names the member only
/// (<c>MatchThreshold: The field FaceDecisionOptions.MatchThreshold must be between 0 and 1.</c>), so its section
/// comes from the schema; the hand-written validators already start with the key. Each message then gets the
/// value (unless it already says it) and where it came from: <c>Face:MatchThreshold must be between 0 and 1; it is 1.7 (in config.json)</c>.
/// </summary>
internal static partial class KeyedOptionsFailures
{
    /// <summary>Each failure as its key (empty when it names none, as the policy guard's) and its message.</summary>
    public static IEnumerable<(string Key, string Message)> Describe(OptionsValidationException exception, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(exception);
        DaemonConfigurationSchema.Instance.TryGetSection(exception.OptionsType, out var section);
        foreach (var failure in exception.Failures)
        {
            var (key, message) = section is not null && MemberFailure().Match(failure) is { Success: true } member
                ? InSection(section, exception.OptionsType, member.Groups["member"].Value, member.Groups["message"].Value)
                : (LeadingKey().Match(failure).Value, failure);
            yield return (key, WithValue(key, message, configuration));
        }
    }

    private static (string Key, string Message) InSection(string section, Type optionsType, string member, string message)
    {
        var key = $"{section}:{member.Replace('.', ':')}";
        var displayName = $"{optionsType.Name}.{member}";
        message = message
            .Replace($"The field {displayName} ", $"{key} ", StringComparison.Ordinal)
            .Replace($"The {displayName} field ", $"{key} ", StringComparison.Ordinal);
        return (key, message.StartsWith(key, StringComparison.OrdinalIgnoreCase) ? message : $"{key}: {message}");
    }

    private static string WithValue(string key, string message, IConfiguration configuration)
    {
        if (key.Length == 0)
        {
            return message;
        }

        if (configuration[key] is { Length: > 0 } value &&
            !Regex.IsMatch(message, $@"(?<![\w.:]){Regex.Escape(value)}(?![\w:])", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            message = $"{message.TrimEnd('.')}; it is {value}.";
        }

        return ConfigurationOrigin.Append(message, configuration, key);
    }

    [GeneratedRegex(@"^(?<member>[A-Za-z0-9_.]+): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex MemberFailure();

    /// <summary><c>Readers:0:Data0Pin</c> at the start of <c>Readers:0:Data0Pin must be a GPIO line…</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_]+(:[A-Za-z0-9_]+)+")]
    private static partial Regex LeadingKey();
}
