namespace GateController.Core.FaceTracking;

/// <summary>A face's box in frame pixels (top-left and size), as the detector gave it.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    /// <summary>
    /// Area of the overlap over the area of the union, 0..1: the usual measure for following a detection from one
    /// frame to the next (SORT and its successors), cheap enough for every frame and independent of the box's size.
    /// </summary>
    public float IntersectionOverUnion(FaceBox other)
    {
        var overlapWidth = MathF.Min(X + Width, other.X + other.Width) - MathF.Max(X, other.X);
        var overlapHeight = MathF.Min(Y + Height, other.Y + other.Height) - MathF.Max(Y, other.Y);
        if (overlapWidth <= 0 || overlapHeight <= 0)
        {
            return 0;
        }

        var overlap = overlapWidth * overlapHeight;
        var union = (Width * Height) + (other.Width * other.Height) - overlap;
        return union > 0 ? overlap / union : 0;
    }
}
