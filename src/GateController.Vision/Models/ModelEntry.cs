using GateController.Vision.Quantization;

namespace GateController.Vision.Models;

/// <summary>One model of <c>models/manifest.json</c>: provenance, checksum and input contract.</summary>
public sealed record ModelEntry : PinnedFileEntry
{
    public required ModelInputContract Input { get; init; }

    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Length of the embedding vector, for embedders.</summary>
    public int? EmbeddingDimension { get; init; }

    /// <summary>How far the face box is enlarged before cropping, for liveness models.</summary>
    public float? CropScale { get; init; }

    /// <summary>
    /// Set when the file is not downloaded but built on the device from another manifest model (the int8
    /// embedder from the fp32 one); <see cref="PinnedFileEntry.Url"/> is then the source model's pinned URL.
    /// </summary>
    public QuantizationRecipe? Derivation { get; init; }
}
