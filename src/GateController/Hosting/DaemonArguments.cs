using GateController.Vision.Camera;

namespace GateController.Hosting;

/// <summary>
/// The daemon's command line, turned into configuration keys so that a flag, the config file and the
/// environment all set the same options.
/// <c>gate-controller [--simulate] [--data-dir DIR] [--socket PATH] [--camera SOURCE] [--config FILE] [--set Section:Key=Value]...</c>
/// </summary>
internal sealed record DaemonArguments(string? ConfigFile, IReadOnlyDictionary<string, string?> Settings, bool ShowHelp)
{
    public const string Usage =
        "usage: gate-controller [--simulate] [--data-dir DIR] [--socket PATH] [--camera SOURCE] [--config FILE] [--set Section:Key=Value]...";

    private static readonly Dictionary<string, string> ValueFlags = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = $"{DaemonOptions.Section}:{nameof(DaemonOptions.DataDirectory)}",
        ["--socket"] = $"{DaemonOptions.Section}:{nameof(DaemonOptions.SocketPath)}",
        ["--camera"] = $"{CameraOptions.Section}:{nameof(CameraOptions.Source)}",
    };

    public static DaemonArguments Parse(IReadOnlyList<string> args)
    {
        string? configFile = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    return new DaemonArguments(null, settings, ShowHelp: true);
                case "--simulate":
                    settings[$"{DaemonOptions.Section}:{nameof(DaemonOptions.Simulate)}"] = "true";
                    break;
                case "--config":
                    configFile = TakeValue(args, ref i);
                    break;
                case "--set":
                    var assignment = TakeValue(args, ref i);
                    var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new DaemonStartException($"--set expects Section:Key=Value, got '{assignment}'");
                    }

                    settings[assignment[..equals]] = assignment[(equals + 1)..];
                    break;
                default:
                    if (!ValueFlags.TryGetValue(arg, out var key))
                    {
                        throw new DaemonStartException($"unknown argument '{arg}'. {Usage}");
                    }

                    settings[key] = TakeValue(args, ref i);
                    break;
            }
        }

        return new DaemonArguments(configFile, settings, ShowHelp: false);
    }

    private static string TakeValue(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new DaemonStartException($"{args[index]} needs a value. {Usage}");
        }

        return args[++index];
    }
}
