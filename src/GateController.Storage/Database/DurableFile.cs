using System.Runtime.InteropServices;

namespace GateController.Storage.Database;

/// <summary>
/// Writes a file so that after a crash it is either the old content or the whole new content:
/// write a 0600 temporary beside it, fsync, rename over the target, fsync the directory (rename is
/// atomic on POSIX file systems; the directory fsync makes the rename itself durable).
/// </summary>
internal static partial class DurableFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var stream = CreateOwnerOnly(temporary))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        Replace(temporary, path);
    }

    /// <summary>
    /// Overwrites a temporary copy of the database with zeros before unlinking it, so its blocks do not
    /// keep wrapped keys that a later erasure zeroes in the live file (secure_delete covers only gate.db).
    /// </summary>
    public static void ZeroAndDelete(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            var zeros = new byte[64 * 1024];
            for (var left = stream.Length; left > 0; left -= zeros.Length)
            {
                stream.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }

    public static FileStream CreateOwnerOnly(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });

    /// <summary>Atomic rename over <paramref name="destination"/>, then a directory fsync.</summary>
    public static void Replace(string source, string destination)
    {
        File.Move(source, destination, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    }

    public static void SyncDirectory(string directory)
    {
        var descriptor = Open(directory, 0);
        if (descriptor < 0)
        {
            return;
        }

        _ = Fsync(descriptor);
        _ = Close(descriptor);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
