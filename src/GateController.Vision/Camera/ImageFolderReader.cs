using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// A folder of JPEG/PNG files, any names, read in ordinal order; simulation's stand-in for a camera.
/// The listing is taken at open, so files added later appear on the next pass.
/// </summary>
internal sealed class ImageFolderReader : IFrameReader
{
    private readonly string[] _files;
    private readonly ImageSizeLimit _limit;
    private readonly Action<ImageDecodeException> _skipped;
    private int _next;

    private ImageFolderReader(string[] files, ImageSizeLimit limit, Action<ImageDecodeException> skipped)
    {
        _files = files;
        _limit = limit;
        _skipped = skipped;
    }

    public bool IsRecorded => true;

    public static ImageFolderReader Open(string folder, ImageSizeLimit limit, Action<ImageDecodeException> skipped)
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
            : new ImageFolderReader(files, limit, skipped);
    }

    /// <summary>
    /// The next readable photo; an unreadable one, or one declaring more pixels than the limit, is reported and
    /// skipped, so it cannot stall the loop.
    /// </summary>
    /// <remarks>
    /// Unlike a camera this allocates per photo (the file's bytes, its handle, the decoded image): a folder is
    /// simulation's stand-in, paced to a few frames a second.
    /// </remarks>
    public bool TryRead(FaceImage destination)
    {
        while (_next < _files.Length)
        {
            var file = _files[_next++];
            try
            {
                using var photo = FaceImage.Load(file, _limit);
                destination.Reshape(photo.Width, photo.Height);
                photo.Pixels.CopyTo(destination.Pixels);
                return true;
            }
            catch (ImageDecodeException exception)
            {
                _skipped(exception);
            }
        }

        return false;
    }

    public void Dispose()
    {
    }
}
