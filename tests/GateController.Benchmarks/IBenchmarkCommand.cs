namespace GateController.Benchmarks;

internal interface IBenchmarkCommand
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    int Run(BenchmarkArguments arguments);
}
