namespace GateController.Face;

/// <summary><c>Face:*</c> of the face path itself; how frames become decisions is <c>Face:Decision:*</c> (FaceTrackingOptions).</summary>
public sealed class FacePathOptions
{
    public const string Section = "Face";

    /// <summary>Face is a convenience residents opt into; switching it off leaves card and PIN as they are.</summary>
    public bool Enabled { get; set; } = true;
}
