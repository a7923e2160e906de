namespace GateController.Vision.Quantization;

/// <summary>
/// How a manifest model is derived on the device from another, verified one: the <c>derivation</c> object of a
/// <c>models/manifest.json</c> entry. The result is checked against the entry's sha256 like any fetched file.
/// </summary>
public sealed record QuantizationRecipe
{
    /// <summary>The fp32 model (another manifest entry) the weights come from.</summary>
    public required string From { get; init; }

    /// <summary>The activation ranges, a file under <c>models/calibration/</c> embedded in the assembly.</summary>
    public required string Calibration { get; init; }

    /// <summary>
    /// Signed weight range in bits. 7, not 8: x64 CPUs without VNNI multiply u8×s8 pairs into int16
    /// (<c>vpmaddubsw</c>), which saturates with full 8-bit weights (measured: cosine to fp32 fell to 0.59).
    /// </summary>
    public int WeightBits { get; init; } = 7;
}
