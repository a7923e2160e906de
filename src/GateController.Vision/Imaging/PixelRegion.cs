namespace GateController.Vision.Imaging;

/// <summary>A rectangle of whole pixels inside an image: top-left corner and size.</summary>
public readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    public static PixelRegion Whole(FaceImage image) => new(0, 0, image.Width, image.Height);

    public int Area => Width * Height;

    /// <summary>Whether the region is not empty and lies inside a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    public bool FitsIn(int width, int height) =>
        X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= width && Y + Height <= height;
}
