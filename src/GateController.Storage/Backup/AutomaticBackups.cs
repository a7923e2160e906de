using System.Globalization;

namespace GateController.Storage.Backup;

/// <summary>
/// <c>&lt;data-dir&gt;/backups/auto-&lt;UTC time&gt;-&lt;reason&gt;.gatebak</c>: names sort by time, so the
/// newest is last. Only the last <c>keep</c> are kept. A backup holds data erased after it was taken
/// until it is pruned; a restore re-applies those erasures from the receipt archive.
/// </summary>
internal static class AutomaticBackups
{
    public const string FolderName = "backups";
    public const string Extension = ".gatebak";
    private const string Prefix = "auto-";

    /// <summary>A backup of this store takes well under a minute; anything this old was abandoned by a killed process.</summary>
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(10);

    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    public static string NewPath(string dataDirectory, DateTimeOffset now, string reason)
    {
        var folder = Folder(dataDirectory);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(folder, $"{Prefix}{stamp}-{reason}{Extension}");
    }

    /// <summary>Newest first.</summary>
    public static IReadOnlyList<string> List(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, Prefix + "*" + Extension).OrderDescending(StringComparer.Ordinal)]
            : [];
    }

    public static void Prune(string dataDirectory, int keep)
    {
        // Leftovers of a backup the process was killed in the middle of; old enough not to be one in progress.
        var folder = Folder(dataDirectory);
        foreach (var leftover in Directory.GetFiles(folder, ".snapshot-*").Concat(Directory.GetFiles(folder, "*.tmp")))
        {
            // File times are wall-clock, so this compares with the wall clock, not the store's TimeProvider.
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(leftover) > LeftoverAge)
            {
                Database.DurableFile.ZeroAndDelete(leftover);
            }
        }

        foreach (var old in List(dataDirectory).Skip(keep))
        {
            File.Delete(old);
        }
    }
}
