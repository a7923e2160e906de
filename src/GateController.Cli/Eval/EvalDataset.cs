namespace GateController.Cli.Eval;

/// <summary>
/// An evaluation dataset on disk: one folder per person (or, for <c>--pad</c>, per presentation class), each holding
/// photos. Folders and photos are taken in ordinal name order, so the enrolment/probe split is the same on every run
/// and every machine. Hidden entries and files that are not photos are skipped; nested folders are not searched.
/// </summary>
internal sealed record EvalDataset(string Root, IReadOnlyList<EvalFolder> Folders)
{
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp"];

    public int PhotoCount => Folders.Sum(f => f.Photos.Count);

    /// <exception cref="CliException">The folder is missing or holds no subfolder.</exception>
    public static EvalDataset Open(string path, string whatFolders)
    {
        var root = Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw new CliException($"dataset {root} is a file; give a folder with {whatFolders}", ExitCodes.LocalInput);
        }

        if (!Directory.Exists(root))
        {
            throw new CliException($"dataset {root} does not exist; give a folder with {whatFolders}", ExitCodes.LocalInput);
        }

        var folders = Directory.GetDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d => new EvalFolder(Path.GetFileName(d), PhotosIn(d)))
            .ToList();
        if (folders.Count == 0)
        {
            throw new CliException($"dataset {root} has no subfolders; it needs {whatFolders}", ExitCodes.LocalInput);
        }

        return new EvalDataset(root, folders);
    }

    public static bool IsPhoto(string path) =>
        PhotoExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(path).StartsWith('.');

    private static IReadOnlyList<string> PhotosIn(string directory) =>
        [.. Directory.GetFiles(directory).Where(IsPhoto).Order(StringComparer.Ordinal)];
}

/// <summary>One person's (or presentation class's) folder: its name and its photos' full paths.</summary>
internal sealed record EvalFolder(string Name, IReadOnlyList<string> Photos);
