using System.Numerics;

namespace GateController.Vision.Alignment;

/// <summary>The standard ArcFace 5-point template for a 112x112 crop (MODELS.md, "Common: face alignment").</summary>
internal static class ArcFaceTemplate
{
    public const int Size = 112;

    private static readonly Vector2[] TemplatePoints =
    [
        new(38.2946f, 51.6963f), // right eye (image-left)
        new(73.5318f, 51.5014f), // left eye (image-right)
        new(56.0252f, 71.7366f), // nose tip
        new(41.5493f, 92.3655f), // right mouth corner (image-left)
        new(70.7299f, 92.2041f), // left mouth corner (image-right)
    ];

    public static ReadOnlySpan<Vector2> Points => TemplatePoints;
}
