namespace GateController.Benchmarks;

/// <summary>The photos a benchmark or tool walks: every .jpg/.jpeg/.png under a directory, in one fixed order.</summary>
internal static class ImageFiles
{
    public static IEnumerable<string> Under(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".JPG" or ".JPEG" or ".PNG")
            .Order(StringComparer.Ordinal);
}
