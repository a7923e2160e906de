namespace GateController.Vision.Imaging;

/// <summary>Bytes or a file that are not a decodable JPEG or PNG image, or one refused before decoding.</summary>
public class ImageDecodeException : Exception
{
    public ImageDecodeException(string source, string reason)
        : this(source, $"{source} is not a readable image (expected JPEG or PNG): {reason}", innerException: null)
    {
    }

    /// <summary>For refusals whose message is not about the format (<see cref="ImageTooLargeException"/>).</summary>
    private protected ImageDecodeException(string source, string message, Exception? innerException)
        : base(message, innerException)
    {
        Source = source;
    }

    /// <summary>The file name or description of the bytes that failed.</summary>
    public new string Source { get; }
}
