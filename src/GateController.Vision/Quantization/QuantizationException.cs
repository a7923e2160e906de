namespace GateController.Vision.Quantization;

/// <summary>A model could not be quantized: its calibration does not fit it, or it uses an operator the quantizer cannot carry over.</summary>
public sealed class QuantizationException : Exception
{
    public QuantizationException(string message)
        : base(message)
    {
    }

    public QuantizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
