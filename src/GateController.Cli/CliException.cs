namespace GateController.Cli;

/// <summary>A failure to report to the user as one line on stderr, with a specific exit code.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
