namespace GateController.Vision.Imaging;

/// <summary>Bytes or a file that are not a decodable JPEG or PNG image.</summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException(string source, string reason)
        : base($"{source} is not a readable image (expected JPEG or PNG): {reason}")
    {
        Source = source;
    }

    /// <summary>The file name or description of the bytes that failed.</summary>
    public new string Source { get; }
}
