using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// A folder of JPEG/PNG files, any names, read in ordinal order; simulation's stand-in for a camera.
/// The listing is taken at open, so files added later appear on the next pass.
/// </summary>
internal sealed class ImageFolderReader : IFrameReader
{
    private readonly string[] _files;
    private int _next;

    private ImageFolderReader(string[] files) => _files = files;

    public bool IsRecorded => true;

    public static ImageFolderReader Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The image folder {folder} does not exist.");
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".JPG" or ".JPEG" or ".PNG")
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length == 0
            ? throw new IOException($"The image folder {folder} holds no .jpg, .jpeg or .png files.")
            : new ImageFolderReader(files);
    }

    public FaceImage? Read() => _next < _files.Length ? FaceImage.Load(_files[_next++]) : null;

    public void Dispose()
    {
    }
}
