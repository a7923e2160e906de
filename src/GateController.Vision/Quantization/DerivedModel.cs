using GateController.Vision.Models;

namespace GateController.Vision.Quantization;

/// <summary>Builds a manifest model that is derived from another (the int8 embedder from the fp32 one).</summary>
internal static class DerivedModel
{
    public static byte[] Build(byte[] sourceBytes, ModelEntry source, QuantizationRecipe recipe)
    {
        var calibration = ActivationCalibration.LoadEmbedded(recipe.Calibration);
        if (!string.Equals(calibration.Model, source.File, StringComparison.Ordinal)
            || !string.Equals(calibration.ModelSha256, source.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new QuantizationException(
                $"models/calibration/{recipe.Calibration} was measured on {calibration.Model} (sha256 {calibration.ModelSha256}), not on {source.File} (sha256 {source.Sha256}).");
        }

        return QdqQuantizer.Quantize(sourceBytes, calibration, recipe.WeightBits);
    }
}
