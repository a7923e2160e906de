using GateController.Hosting;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace GateController.Configuration;

/// <summary>Where a key's value came from (the config file, a GATE_ variable, the command line), so a message says where to fix it.</summary>
internal static class ConfigurationOrigin
{
    /// <summary>The source that wins for <paramref name="key"/>: the last one holding it or a key under it.</summary>
    public static IConfigurationProvider? Of(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root
            ? root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _) || p.GetChildKeys([], key).Any())
            : null;

    /// <summary>
    /// The message with its origin at the end, in place of the final full stop:
    /// <c>Relay:Pin is 'seventeen'; expected a whole number between 0 and 1023 (in /etc/gate-controller/config.json)</c>.
    /// </summary>
    public static string Append(string message, IConfiguration configuration, string key) =>
        Describe(configuration, key) is { Length: > 0 } origin ? $"{message.TrimEnd('.')} ({origin})" : message;

    private static string Describe(IConfiguration configuration, string key) => Of(configuration, key) switch
    {
        JsonConfigurationProvider json => $"in {json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? "").PhysicalPath ?? json.Source.Path}",
        EnvironmentVariablesConfigurationProvider => $"environment variable {GateConfiguration.EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}",
        MemoryConfigurationProvider => "command line",
        _ => "",
    };

    public static bool IsEnvironment(IConfiguration configuration, string key) => Of(configuration, key) is EnvironmentVariablesConfigurationProvider;
}
