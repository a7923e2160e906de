using System.Net.Http.Headers;

namespace GateController.Cli.Commands;

internal static class ImageFile
{
    /// <summary>Largest photo accepted; a gate photo is a few hundred kB.</summary>
    public const long MaximumBytes = 20L * 1024 * 1024;

    public static ByteArrayContent ReadContent(FileInfo image)
    {
        if (!image.Exists)
        {
            throw new CliException($"image {image.FullName} does not exist", ExitCodes.LocalInput);
        }

        if (image.Length > MaximumBytes)
        {
            throw new CliException($"image {image.FullName} is {image.Length} bytes; at most {MaximumBytes} are accepted", ExitCodes.LocalInput);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(image.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read image {image.FullName}: {exception.Message}", ExitCodes.LocalInput);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
