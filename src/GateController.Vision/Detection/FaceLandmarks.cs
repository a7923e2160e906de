using System.Numerics;

namespace GateController.Vision.Detection;

/// <summary>
/// The detector's five points in frame pixels, in the ArcFace template's order: the eye and mouth
/// corner that appear on the image's left come first.
/// </summary>
public readonly record struct FaceLandmarks(Vector2 RightEye, Vector2 LeftEye, Vector2 Nose, Vector2 RightMouth, Vector2 LeftMouth)
{
    public const int Count = 5;

    public Vector2 this[int index] => index switch
    {
        0 => RightEye,
        1 => LeftEye,
        2 => Nose,
        3 => RightMouth,
        4 => LeftMouth,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A face has landmarks 0..4."),
    };

    public void CopyTo(Span<Vector2> destination)
    {
        destination[0] = RightEye;
        destination[1] = LeftEye;
        destination[2] = Nose;
        destination[3] = RightMouth;
        destination[4] = LeftMouth;
    }
}
