namespace GateController.Hosting;

internal static class GateConfiguration
{
    /// <summary>Where the packaged daemon reads its settings when no --config is given.</summary>
    public const string SystemConfigFile = "/etc/gate-controller/config.json";

    public const string EnvironmentPrefix = "GATE_";

    /// <summary>
    /// Sources, weakest first: built-in defaults, the config file, GATE_ environment variables
    /// (GATE_Door__HoldOpenDuration=00:00:05), then the command line.
    /// </summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="arguments">The daemon's command line.</param>
    /// <param name="environment">False for an offline check of a file: the shell's variables are not the service's.</param>
    public static void AddGateConfiguration(this ConfigurationManager configuration, DaemonArguments arguments, bool environment = true)
    {
        configuration.Sources.Clear();
        var configFile = arguments.ConfigFile;
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new DaemonStartException($"config file {Path.GetFullPath(configFile)} does not exist");
        }

        configFile ??= File.Exists(SystemConfigFile) ? SystemConfigFile : null;
        if (configFile is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        if (environment)
        {
            configuration.AddEnvironmentVariables(EnvironmentPrefix);
        }

        configuration.AddInMemoryCollection(arguments.Settings);
    }
}
