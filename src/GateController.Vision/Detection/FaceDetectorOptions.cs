using System.ComponentModel.DataAnnotations;

namespace GateController.Vision.Detection;

public sealed class FaceDetectorOptions
{
    public const string Section = "Vision:Detector";

    /// <summary>MODELS.md: 0.6–0.9 for YuNet; 0.6 is OpenCV's FaceDetectorYN default too.</summary>
    public const float DefaultScoreThreshold = 0.6f;

    /// <summary>OpenCV's FaceDetectorYN default and MODELS.md's decoding note.</summary>
    public const float DefaultNmsIouThreshold = 0.3f;

    /// <summary>
    /// Longer side the frame is shrunk to before detection (never enlarged). YuNet still finds 28–40 px
    /// faces (MODELS.md), and alignment reads the full-resolution frame, so a gate can go lower.
    /// </summary>
    public const int DefaultDetectionMaxSide = 640;

    [Range(0.05, 1.0)]
    public float ScoreThreshold { get; set; } = DefaultScoreThreshold;

    [Range(0.05, 0.95)]
    public float NmsIouThreshold { get; set; } = DefaultNmsIouThreshold;

    [Range(32, 4096)]
    public int DetectionMaxSide { get; set; } = DefaultDetectionMaxSide;

    /// <summary>Most candidates kept for NMS (OpenCV's default top_k).</summary>
    [Range(1, 100_000)]
    public int TopK { get; set; } = 5000;
}
