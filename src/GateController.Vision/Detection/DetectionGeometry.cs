namespace GateController.Vision.Detection;

/// <summary>Sizes for running a detector at reduced resolution on a padded canvas.</summary>
internal static class DetectionGeometry
{
    /// <summary>
    /// The size a <paramref name="width"/>x<paramref name="height"/> frame is resized to so that its longer
    /// side fits <paramref name="maxSide"/> (never enlarged), and the factor from frame to that size.
    /// </summary>
    public static (int Width, int Height, float Scale) FitWithin(int width, int height, int maxSide)
    {
        var longer = Math.Max(width, height);
        if (longer <= maxSide)
        {
            return (width, height, 1f);
        }

        var scale = (float)maxSide / longer;
        return (Math.Max(1, (int)MathF.Round(width * scale)), Math.Max(1, (int)MathF.Round(height * scale)), scale);
    }

    /// <summary>Rounds up to the next multiple (YuNet's dynamic export needs multiples of 32).</summary>
    public static int PadTo(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
