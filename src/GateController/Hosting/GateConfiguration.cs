namespace GateController.Hosting;

internal static class GateConfiguration
{
    /// <summary>Where the packaged daemon reads its settings when no --config is given.</summary>
    public const string SystemConfigFile = "/etc/gate-controller/config.json";

    /// <summary>
    /// Sources, weakest first: built-in defaults, the config file, GATE_ environment variables
    /// (GATE_Door__HoldOpenDuration=00:00:05), then the command line.
    /// </summary>
    public static void AddGateConfiguration(this ConfigurationManager configuration, DaemonArguments arguments)
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

        configuration.AddEnvironmentVariables("GATE_");
        configuration.AddInMemoryCollection(arguments.Settings);
    }
}
