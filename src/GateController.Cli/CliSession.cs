using System.CommandLine;
using GateController.Core.Admin;

namespace GateController.Cli;

/// <summary>Runs one command against the daemon and turns every expected failure into one clear line and an exit code.</summary>
internal sealed class CliSession(Option<string?> socketOption)
{
    public async Task<int> RunAsync(ParseResult parseResult, Func<AdminClient, Task<int>> action)
    {
        var socketPath = parseResult.GetValue(socketOption) ?? FindSocket();
        using var client = new AdminClient(socketPath);
        return await Guard(() => action(client)).ConfigureAwait(false);
    }

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (CliException exception)
        {
            await Console.Error.WriteLineAsync($"gatectl: {exception.Message}").ConfigureAwait(false);
            return exception.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Success;
        }
    }

    private static string FindSocket()
    {
        var candidates = AdminSocketLocation.Candidates(Environment.GetEnvironmentVariable);
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}
