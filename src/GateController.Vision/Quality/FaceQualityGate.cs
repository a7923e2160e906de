using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using GateController.Vision.Imaging;

namespace GateController.Vision.Quality;

/// <summary>
/// Judges whether a face is worth embedding: size, pose, backlight, exposure, then blur (exposure before blur, since a
/// dark face also shows little detail). Reads the frame around the face and the aligned 112x112 crop. Reuses its
/// buffers, so a frame allocates nothing; not safe for concurrent calls (the analyser serialises them).
/// </summary>
public sealed class FaceQualityGate(FaceQualityOptions options)
{
    /// <summary>The aligned crop's skin area (ArcFace template: eyes at y 51.6, mouth at 92.3), away from hair and border.</summary>
    private static readonly PixelRegion FaceArea = new(28, 36, 56, 68);

    /// <summary>The scene read for backlight: the face box enlarged this much around its centre.</summary>
    private const float SurroundScale = 3;

    private const int ClippedDark = 5;
    private const int ClippedBright = 250;

    private readonly Sharpness _sharpness = new();

    public FaceQualityOptions Options => options;

    public FaceQuality Assess(FaceImage frame, in DetectedFace face, FaceImage aligned) => Judge(Measure(frame, face, aligned));

    public FaceQualityMeasures Measure(FaceImage frame, in DetectedFace face, FaceImage aligned)
    {
        var (yaw, pitch, roll, interEye) = LandmarkPose.Estimate(face.Landmarks);
        var (luminance, clipped) = Exposure(aligned);
        return new FaceQualityMeasures(interEye, yaw, pitch, roll, luminance, Surround(frame, face), clipped, _sharpness.Of(aligned));
    }

    public FaceQuality Judge(in FaceQualityMeasures measures)
    {
        if (measures.InterEyePixels < options.MinimumInterEyePixels)
        {
            return FaceQuality.TooSmall;
        }

        if (MathF.Abs(measures.YawDegrees) > options.MaximumYawDegrees || MathF.Abs(measures.PitchDegrees) > options.MaximumPitchDegrees
            || MathF.Abs(measures.RollDegrees) > options.MaximumRollDegrees)
        {
            return FaceQuality.TurnedAway;
        }

        if (measures.SurroundLuminance >= FaceQualityOptions.BrightSurroundLuminance
            && measures.FaceLuminance < options.BacklitRatio * measures.SurroundLuminance)
        {
            return FaceQuality.Backlit;
        }

        if (measures.FaceLuminance < options.MinimumFaceLuminance)
        {
            return FaceQuality.TooDark;
        }

        if (measures.FaceLuminance > options.MaximumFaceLuminance || measures.ClippedFraction > options.MaximumClippedFraction)
        {
            return FaceQuality.Overexposed;
        }

        return measures.Sharpness < options.MinimumSharpness ? FaceQuality.Blurred : FaceQuality.Good;
    }

    private static (float Mean, float Clipped) Exposure(FaceImage aligned)
    {
        var area = aligned.Width == ArcFaceTemplate.Size && aligned.Height == ArcFaceTemplate.Size ? FaceArea : PixelRegion.Whole(aligned);
        long sum = 0, clipped = 0;
        for (var y = area.Y; y < area.Y + area.Height; y++)
        {
            ReadOnlySpan<byte> row = aligned.Row(y);
            for (var x = area.X; x < area.X + area.Width; x++)
            {
                var luma = Luminance.Of(row.Slice(3 * x, 3));
                sum += luma;
                clipped += luma is <= ClippedDark or >= ClippedBright ? 1 : 0;
            }
        }

        return ((float)sum / area.Area, (float)clipped / area.Area);
    }

    /// <summary>Mean luma of the scene around the face, about 64 samples a side whatever the face's size.</summary>
    private static float Surround(FaceImage frame, in DetectedFace face)
    {
        float width = face.Width * SurroundScale, height = face.Height * SurroundScale;
        var region = Luminance.RegionOf(face.X + ((face.Width - width) / 2), face.Y + ((face.Height - height) / 2), width, height);
        return (float)Luminance.Mean(frame, region, Math.Max(1, region.Width / 64));
    }
}
