namespace GateController.Vision.Quality;

/// <summary>
/// Whether a face is good enough to embed, or the first reason it is not, in the order <see cref="FaceQualityGate"/>
/// checks them. Carried over the face channel as a byte: the values are part of the protocol.
/// </summary>
public enum FaceQuality : byte
{
    Good = 0,

    /// <summary>The eyes are too few pixels apart: too far from the camera.</summary>
    TooSmall = 1,

    /// <summary>Yaw, pitch or roll from the landmarks is over its limit.</summary>
    TurnedAway = 2,

    /// <summary>The face is much darker than the scene around it: the light is behind the person.</summary>
    Backlit = 3,

    TooDark = 4,

    /// <summary>Too bright on average, or too much of the face clipped at white or black.</summary>
    Overexposed = 5,

    /// <summary>Too little detail on the aligned crop (variance of the Laplacian): motion or focus blur.</summary>
    Blurred = 6,
}
