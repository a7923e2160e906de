namespace GateController.Vision.Quality;

/// <summary>
/// What <see cref="FaceQualityGate"/> measured on one face. Angles are estimates from the five landmarks' geometry
/// (no 3-D model), good for a limit, not for reporting a head pose.
/// </summary>
public readonly record struct FaceQualityMeasures(
    float InterEyePixels,
    float YawDegrees,
    float PitchDegrees,
    float RollDegrees,
    float FaceLuminance,
    float SurroundLuminance,
    float ClippedFraction,
    float Sharpness);
