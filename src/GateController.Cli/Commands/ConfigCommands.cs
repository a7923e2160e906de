using System.CommandLine;
using GateController.Configuration;

namespace GateController.Cli.Commands;

/// <summary><c>gatectl config check FILE [--simulate]</c>: offline, with the daemon's own start-up messages.</summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", "Work with the daemon's configuration file");
        var file = new Argument<FileInfo>("FILE") { Description = "The JSON configuration, e.g. /etc/gate-controller/config.json" };
        var simulate = new Option<bool>("--simulate") { Description = "Check it as gate-controller --simulate would run it" };
        var check = new Command("check", "Check every key and value as the daemon would at start (exit 78 on a problem, 0 when it would start)")
        {
            file,
            simulate,
        };
        check.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!.FullName;
            var problems = OfflineConfigurationCheck.Check(path, parseResult.GetValue(simulate));
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"gatectl: configuration error: {problem}");
            }

            if (problems.Count == 0)
            {
                Console.WriteLine($"{path}: the daemon would start with this configuration");
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Configuration;
        });
        config.Subcommands.Add(check);
        return config;
    }
}
