namespace GateController.Vision.Pipeline;

public readonly record struct StageTiming(string Stage, TimeSpan Elapsed);
