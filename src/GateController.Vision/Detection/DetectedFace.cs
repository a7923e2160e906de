namespace GateController.Vision.Detection;

/// <summary>One face in frame pixels: box (top-left, size), detector score 0..1 and five landmarks.</summary>
public readonly record struct DetectedFace(float X, float Y, float Width, float Height, float Score, FaceLandmarks Landmarks)
{
    public float Area => Width * Height;
}
