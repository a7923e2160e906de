namespace GateController.Tests.Daemon;

/// <summary>The labelled photos in ../shared/faces (never copied into the repository).</summary>
internal static class SharedFaces
{
    public static string Root { get; } = Find();

    public static string Photo(string person, string file) => Path.Combine(Root, person, file);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "faces");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/faces directory above {AppContext.BaseDirectory}; the tests need ../shared beside the repository.");
    }
}
