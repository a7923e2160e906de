using GateController.Benchmarks;
using GateController.Benchmarks.Idle;
using GateController.Benchmarks.Latency;
using GateController.Benchmarks.Match;
using GateController.Benchmarks.Memory;
using GateController.Benchmarks.Pipeline;
using GateController.Benchmarks.Quantization;
using GateController.Benchmarks.Resize;
using GateController.Benchmarks.Walkup;

// One benchmark per command; each lives in its own folder. Add new ones to this table.
IBenchmarkCommand[] commands = [new PipelineCommand(), new WorkerPipelineCommand(), new LatencyCommand(), new QuantizeCommand(), new ResizeCommand(), new MatchCommand(), new MemoryCommand(), new WalkupCommand(), new IdleCommand()];

if (args.Length == 0 || commands.FirstOrDefault(c => c.Name == args[0]) is not { } command)
{
    Console.Error.WriteLine("usage: GateController.Benchmarks <command> [options]");
    foreach (var known in commands)
    {
        Console.Error.WriteLine($"  {known.Name,-10} {known.Description}");
    }

    return 2;
}

try
{
    return command.Run(BenchmarkArguments.Parse(args[1..]));
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"{command.Name}: {exception.Message}");
    return 2;
}
