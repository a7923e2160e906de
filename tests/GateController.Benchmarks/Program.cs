using GateController.Benchmarks.Latency;

// One command per benchmark: `dotnet run --project tests/GateController.Benchmarks -c Release -- COMMAND [options]`.
return args.FirstOrDefault() switch
{
    "latency" => await LatencyBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GateController.Benchmarks latency [--json] [--samples N] [--images DIR] [--models DIR]");
    return 64;
}
