namespace GateController.Vision.Models;

/// <summary>Resolves the cache and mirror directories from options, environment and the directory tree.</summary>
internal static class ModelLocations
{
    public const string CacheVariable = "GATE_MODELS_CACHE";
    public const string ModelMirrorVariable = "GATE_MODELS_MIRROR";
    public const string MediaMirrorVariable = "GATE_MEDIA_MIRROR";

    public static string CacheDirectory(ModelOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            return Path.GetFullPath(options.CacheDirectory);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(CacheVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "gate-controller", "models");
    }

    public static string? ModelMirror(ModelOptions options) =>
        Explicit(options.MirrorDirectory) ?? Explicit(Environment.GetEnvironmentVariable(ModelMirrorVariable))
        ?? FindShared(Path.Combine("shared", "models"));

    public static string? MediaMirror(ModelOptions options) =>
        Explicit(options.MediaMirrorDirectory) ?? Explicit(Environment.GetEnvironmentVariable(MediaMirrorVariable))
        ?? FindShared(Path.Combine("shared", "faces", "video"));

    /// <summary>
    /// The first ancestor of the current directory, then of the application directory, that holds
    /// <paramref name="relative"/> (the team's ../shared layout), as that full path.
    /// </summary>
    public static string? FindShared(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string? Explicit(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
}
