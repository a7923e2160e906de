namespace GateController.Configuration;

/// <summary>The configuration cannot run the gate: one message a problem, each naming its key. Start-up exits 78 (EX_CONFIG).</summary>
internal sealed class ConfigurationProblemsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
