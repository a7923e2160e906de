using System.Numerics;
using GateController.Vision.Detection;

namespace GateController.Vision.Quality;

/// <summary>
/// Head pose estimated from the five landmarks, with the eye line turned level first (that angle is the roll). Yaw from
/// how far the nose sits off the eyes' midline, in half inter-eye distances; pitch from where the nose sits between
/// the eye line and the mouth line, against the ArcFace template's frontal 0.495. Both mapped through asin to degrees.
/// </summary>
internal static class LandmarkPose
{
    /// <summary>ArcFace template: nose 20.14 px below the eye line, mouth 40.69 px below it.</summary>
    private const float FrontalNoseDepth = 0.495f;

    public static (float Yaw, float Pitch, float Roll, float InterEye) Estimate(in FaceLandmarks landmarks)
    {
        var eyes = landmarks.LeftEye - landmarks.RightEye;
        var interEye = eyes.Length();
        if (interEye < 1e-3f)
        {
            return (90, 90, 0, interEye);
        }

        var roll = MathF.Atan2(eyes.Y, eyes.X);
        var eyeMiddle = (landmarks.LeftEye + landmarks.RightEye) / 2;
        var level = Matrix3x2.CreateRotation(-roll);
        var nose = Vector2.Transform(landmarks.Nose - eyeMiddle, level);
        var mouth = Vector2.Transform(((landmarks.LeftMouth + landmarks.RightMouth) / 2) - eyeMiddle, level);
        var yaw = Degrees(MathF.Asin(Math.Clamp(nose.X / (interEye / 2), -1f, 1f)));
        var depth = mouth.Y > 1e-3f ? nose.Y / mouth.Y : 0f;
        var pitch = Degrees(MathF.Asin(Math.Clamp(2 * (depth - FrontalNoseDepth), -1f, 1f)));
        return (yaw, pitch, Degrees(roll), interEye);
    }

    private static float Degrees(float radians) => radians * (180f / MathF.PI);
}
