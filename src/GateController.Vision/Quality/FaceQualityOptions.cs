using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GateController.Vision.Quality;

/// <summary>
/// The limits of <see cref="FaceQualityGate"/>. Each default was measured by FaceQualityCalibrationTests on
/// ../shared/faces (2026-12-02): the genuine photos' spread, and what blurred, dark, backlit and shrunk copies of them
/// score. Tune on the gate camera's own footage.
/// </summary>
public sealed class FaceQualityOptions
{
    public const string Section = "Face:Quality";

    /// <summary>Genuine photos: 19.5 px at the least (1st percentile 20.3); copies shrunk to a 24 px face: 15.8 at most.</summary>
    public const float DefaultMinimumInterEyePixels = 18;

    /// <summary>Genuine photos: 99th percentile 57.3° (the last 1 % are profiles, up to 90°).</summary>
    public const float DefaultMaximumYawDegrees = 60;

    /// <summary>Genuine photos: 20.4° at the most.</summary>
    public const float DefaultMaximumPitchDegrees = 25;

    /// <summary>Genuine photos: 15.4° at the most (alignment levels the eyes; this refuses a head on its side).</summary>
    public const float DefaultMaximumRollDegrees = 25;

    /// <summary>Genuine photos: the face at 0.61 of its surround's luma at the least; backlit copies: median 0.29.</summary>
    public const float DefaultBacklitRatio = 0.5f;

    /// <summary>Genuine photos: face luma 74.8 at the least; copies at 15 % of the light: 30.8 at the most.</summary>
    public const float DefaultMinimumFaceLuminance = 45;

    /// <summary>Genuine photos: face luma 209 at the most; copies at 250 % of the light: median 238.</summary>
    public const float DefaultMaximumFaceLuminance = 225;

    /// <summary>Genuine photos: 0.378 of the face area clipped at the most (99th percentile 0.175).</summary>
    public const float DefaultMaximumClippedFraction = 0.4f;

    /// <summary>
    /// Genuine photos: 131 at the least; but frontal faces in the walking clip (1080p H.264 footage, what a gate camera
    /// sends) score 33–71, so the limit sits under those; blurred copies (three box blurs of a sixteenth of the face
    /// width): median 3.0.
    /// </summary>
    public const float DefaultMinimumSharpness = 20;

    /// <summary>Below this scene luma (0..255) around the face, darkness is the scene's, not backlight (OverlayNotes' figure).</summary>
    public const float BrightSurroundLuminance = 80;

    [Range(0, 1000)]
    public float MinimumInterEyePixels { get; set; } = DefaultMinimumInterEyePixels;

    [Range(1, 90)]
    public float MaximumYawDegrees { get; set; } = DefaultMaximumYawDegrees;

    [Range(1, 90)]
    public float MaximumPitchDegrees { get; set; } = DefaultMaximumPitchDegrees;

    [Range(1, 180)]
    public float MaximumRollDegrees { get; set; } = DefaultMaximumRollDegrees;

    /// <summary>Backlit when the face's luma is below this fraction of its surround's (0 turns the hint off).</summary>
    [Range(0, 1)]
    public float BacklitRatio { get; set; } = DefaultBacklitRatio;

    [Range(0, 255)]
    public float MinimumFaceLuminance { get; set; } = DefaultMinimumFaceLuminance;

    [Range(0, 255)]
    public float MaximumFaceLuminance { get; set; } = DefaultMaximumFaceLuminance;

    /// <summary>Most of the face crop allowed at luma ≤ 5 or ≥ 250.</summary>
    [Range(0, 1)]
    public float MaximumClippedFraction { get; set; } = DefaultMaximumClippedFraction;

    [Range(0, 100_000)]
    public float MinimumSharpness { get; set; } = DefaultMinimumSharpness;
}

[OptionsValidator]
public sealed partial class FaceQualityOptionsValidator : IValidateOptions<FaceQualityOptions>;
