using System.Security.Cryptography;

namespace GateController.Storage.Keys;

/// <summary>Reads a raw 32-byte key file after checking that only its owner can read or write it.</summary>
internal static class KeyFileReader
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static MasterKey Read(string path)
    {
        RefuseLoosePermissions(path);
        var length = new FileInfo(path).Length;
        if (length != MasterKey.SizeInBytes)
        {
            throw new StoreKeyException(
                $"Master key file '{path}' is {length} bytes; expected exactly {MasterKey.SizeInBytes} random bytes " +
                $"(for example: head -c {MasterKey.SizeInBytes} /dev/urandom > '{path}' && chmod 600 '{path}').");
        }

        var bytes = GC.AllocateArray<byte>(MasterKey.SizeInBytes, pinned: true);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            stream.ReadExactly(bytes);
            return new MasterKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static void RefuseLoosePermissions(string path)
    {
        // The daemon runs on Linux; on Windows (developer builds only) access is by ACL, not mode bits.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new StoreKeyException(
                $"Master key file '{path}' has mode {ToOctal(mode)}; it must be readable and writable by its owner only " +
                $"(expected 0600 or 0400; fix with: chmod 600 '{path}').");
        }
    }

    internal static string ToOctal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0');
}
