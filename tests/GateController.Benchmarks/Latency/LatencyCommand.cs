namespace GateController.Benchmarks.Latency;

/// <summary>Card and PIN latency to the relay write, idle and under face load (see <see cref="LatencyBenchmark"/>).</summary>
internal sealed class LatencyCommand : IBenchmarkCommand
{
    public string Name => "latency";

    public string Description => "card/PIN input to relay write, idle and under face load [--json] [--samples N] [--images DIR] [--models DIR]";

    public int Run(BenchmarkArguments arguments) => LatencyBenchmark.RunAsync(arguments.Raw).GetAwaiter().GetResult();
}
