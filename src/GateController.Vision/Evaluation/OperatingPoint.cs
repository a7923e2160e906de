namespace GateController.Vision.Evaluation;

/// <summary>
/// One threshold and what it does on the evaluation's pairs: the share of genuine pairs accepted (TAR) and of
/// impostor pairs accepted (FMR, the false match rate per comparison).
/// </summary>
public readonly record struct OperatingPoint(float Threshold, double TrueAcceptRate, double FalseMatchRate)
{
    public double FalseRejectRate => 1 - TrueAcceptRate;
}
