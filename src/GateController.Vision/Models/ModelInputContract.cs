namespace GateController.Vision.Models;

/// <summary>
/// How a model wants its input tensor, straight from <c>models/manifest.json</c>:
/// value = (pixel * <see cref="Scale"/> - <see cref="Mean"/>[c]) / <see cref="Std"/>[c],
/// with c counted in the model's own <see cref="ChannelOrder"/>.
/// </summary>
public sealed record ModelInputContract
{
    public required string Name { get; init; }

    public required string Layout { get; init; }

    /// <summary>Fixed input width, or null when the model accepts any multiple of <see cref="SizeMultipleOf"/>.</summary>
    public int? Width { get; init; }

    public int? Height { get; init; }

    public int SizeMultipleOf { get; init; } = 1;

    public required ChannelOrder ChannelOrder { get; init; }

    public required float Scale { get; init; }

    public required IReadOnlyList<float> Mean { get; init; }

    public required IReadOnlyList<float> Std { get; init; }

    public bool IsDynamicSize => Width is null || Height is null;

    /// <summary>Per-channel multiplier and offset (value = pixel * alpha + beta) in the model's channel order.</summary>
    internal (float Alpha, float Beta) ChannelAffine(int channel) =>
        (Scale / Std[channel], -Mean[channel] / Std[channel]);
}
