using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;

namespace GateController.Vision.Models;

/// <summary>Which models to run and where their files come from.</summary>
public sealed class ModelOptions
{
    public const string Section = "Vision:Models";

    /// <summary>The dynamic-size YuNet export: any multiple of 32 (MODELS.md); the fixed file only takes 640x640.</summary>
    public const string DefaultDetector = "face_detection_yunet_2023mar_dynamic.onnx";

    /// <summary>
    /// foamliu MobileFaceNet (Apache-2.0, best measured d' with RGB/ImageNet input, MODELS.md), quantized to int8 on
    /// the device from the verified fp32 file: about two thirds of the fp32 time at the same calibrated accuracy on x64.
    /// </summary>
    public const string Int8Embedder = "mobilefacenet_foamliu_int8.onnx";

    /// <summary>The verified fp32 MobileFaceNet the int8 embedder is built from; selectable as <c>Embedder</c>.</summary>
    public const string Fp32Embedder = "mobilefacenet_foamliu.onnx";

    /// <summary>The embedder this machine runs unless the configuration names one: see <see cref="DefaultEmbedderFor"/>.</summary>
    public static string DefaultEmbedder { get; } = DefaultEmbedderFor(RuntimeInformation.ProcessArchitecture);

    /// <summary>One thread per session: the gate box has few cores and other work to do.</summary>
    public const int DefaultIntraOpThreads = 1;

    /// <summary>Where verified model files are kept. Null: GATE_MODELS_CACHE, XDG cache or ~/.cache.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Where models are looked for before the pinned URL. Null: GATE_MODELS_MIRROR or an ancestor's shared/models.</summary>
    public string? MirrorDirectory { get; set; }

    /// <summary>Where sample media is looked for before the pinned URL. Null: GATE_MEDIA_MIRROR or an ancestor's shared/faces/video.</summary>
    public string? MediaMirrorDirectory { get; set; }

    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.\-]+\.onnx$")]
    public string Detector { get; set; } = DefaultDetector;

    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.\-]+\.onnx$")]
    public string Embedder { get; set; } = DefaultEmbedder;

    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = DefaultIntraOpThreads;

    /// <summary>
    /// int8 on x64 only. ONNX Runtime's int8 kernels round differently on arm64: under emulation the same photos gave
    /// cosine similarities up to 0.015 off the x64 run (same best match), while fp32 agreed to 0.0001, and the int8
    /// calibration table was measured on x64. So arm64 runs fp32 until the int8 table is measured on a board.
    /// </summary>
    public static string DefaultEmbedderFor(Architecture architecture) => architecture == Architecture.X64 ? Int8Embedder : Fp32Embedder;

    /// <summary>Whether the pinned URL may be used when no mirror holds a good copy.</summary>
    public bool DownloadFromSource { get; set; } = true;
}
