using System.Text.Json;

namespace GateController.Vision.Quantization;

/// <summary>
/// The activation ranges of one fp32 model, measured by <see cref="ActivationCalibrator"/> on real aligned faces
/// and committed under <c>models/calibration/</c>. Only ranges: no image, crop or embedding is kept.
/// </summary>
public sealed record ActivationCalibration
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fp32 model file the ranges were measured on.</summary>
    public required string Model { get; init; }

    /// <summary>Its sha256: ranges of another file are refused.</summary>
    public required string ModelSha256 { get; init; }

    /// <summary>What the samples were (for people reading the file), e.g. the photo set and how crops were made.</summary>
    public required string Samples { get; init; }

    public required int SampleCount { get; init; }

    public required IReadOnlyList<ActivationRange> Activations { get; init; }

    public static ActivationCalibration Parse(Stream json, string source) =>
        JsonSerializer.Deserialize<ActivationCalibration>(json, JsonOptions)
        ?? throw new QuantizationException($"{source} holds no calibration.");

    /// <summary>The calibration embedded in this assembly from <c>models/calibration/<paramref name="file"/></c>.</summary>
    public static ActivationCalibration LoadEmbedded(string file)
    {
        var resource = $"GateController.models.calibration.{file}";
        using var stream = typeof(ActivationCalibration).Assembly.GetManifestResourceStream(resource)
            ?? throw new QuantizationException($"The calibration {file} is not embedded in this build (models/calibration/{file}).");
        return Parse(stream, $"models/calibration/{file}");
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
