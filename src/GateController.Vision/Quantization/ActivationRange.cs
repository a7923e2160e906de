namespace GateController.Vision.Quantization;

/// <summary>The smallest and largest value one activation tensor took over the calibration samples.</summary>
public sealed record ActivationRange(string Tensor, float Min, float Max);
